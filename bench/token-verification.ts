import { parseArgs } from '../scripts/cli';
import { SignJWT, generateKeyPair } from 'jose';
import { authenticate, type AuthOptions } from '../gateway/authenticate';
import { VerifiedTokens } from '../gateway/verified-tokens';

/**
 * The gateway's CPU for a bearer token, per request: verified each time (an Ed25519 signature and the actor read
 * claim by claim) versus remembered by digest (gateway/verified-tokens.ts), alternating so that machine noise falls
 * on both.
 *   npm run bench:tokens [-- --requests 20000 --rounds 3]
 */
const args = parseArgs({ requests: 'string', rounds: 'string' });
const [REQUESTS, ROUNDS] = [args.number('requests', 20_000), args.number('rounds', 3)];

async function main() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const actor = { kind: 'professional', id: 'ps:10000000001', rpps: '10000000001', profession: '10', specialty: null };
  const token = await new SignJWT({ actor, finess: null })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(actor.id)
    .setIssuer('bench')
    .setAudience('bench')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
  const options = (verified?: VerifiedTokens): AuthOptions => ({
    issuer: 'bench',
    audience: 'bench',
    key: publicKey,
    maxTokenSeconds: 3600,
    verified,
  });
  const cpuMicrosPerRequest = async (auth: AuthOptions) => {
    for (let i = 0; i < REQUESTS / 10; i++) await authenticate(`Bearer ${token}`, auth);
    const start = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) await authenticate(`Bearer ${token}`, auth);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / REQUESTS;
  };
  for (let round = 1; round <= ROUNDS; round++) {
    const each = await cpuMicrosPerRequest(options());
    const remembered = await cpuMicrosPerRequest(options(new VerifiedTokens()));
    console.log(
      `round ${round}: verified each time ${each.toFixed(1)} µs CPU/request, remembered ${remembered.toFixed(1)} µs (${(each / remembered).toFixed(1)}x)`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
