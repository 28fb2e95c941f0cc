import pino from 'pino';
import { loggingConfig } from './config';

const LOGGING = loggingConfig();

/**
 * Structured JSON logs. Nothing that identifies a patient or carries a token is ever passed here: callers log
 * codes, request ids and counts. The redaction list is a second line of defence, not the first.
 */
export const logger = pino({
  level: LOGGING.level,
  base: { service: LOGGING.service },
  redact: {
    paths: ['authorization', 'headers.authorization', 'token', 'ins', '*.ins', 'variables'],
    censor: '[redacted]',
  },
});
