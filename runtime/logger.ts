import pino from 'pino';

/**
 * Structured JSON logs. Nothing that identifies a patient or carries a token is ever passed here: callers log
 * codes, request ids and counts. The redaction list is a second line of defence, not the first.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: process.env.SERVICE_NAME ?? 'dmp-graph' },
  redact: { paths: ['authorization', 'headers.authorization', 'token', 'ins', '*.ins', 'variables'], censor: '[redacted]' },
});
