import { readFileSync } from 'node:fs';
import { projectPath } from './paths';

/** The limits of an upload from a phone (domain/uploads.json), checked once when read. */
export interface UploadLimits {
  /** The largest file, in bytes: the upload route's body limit, and what a ticket may declare. */
  maxBytes: number;
  /** How long after its ticket is issued the bytes may arrive. */
  ticketMinutes: number;
  /** How long received bytes wait for writePersonalDocument before they are cleaned. */
  stagedMinutes: number;
}

function load(): UploadLimits {
  const raw = JSON.parse(readFileSync(projectPath('domain', 'uploads.json'), 'utf8')) as Record<string, unknown>;
  const positive = (key: keyof UploadLimits) => {
    const value = raw[key];
    if (!Number.isInteger(value) || (value as number) <= 0)
      throw new Error(`domain/uploads.json: ${key} must be a positive whole number`);
    return value as number;
  };
  return {
    maxBytes: positive('maxBytes'),
    ticketMinutes: positive('ticketMinutes'),
    stagedMinutes: positive('stagedMinutes'),
  };
}

export const UPLOAD_LIMITS: UploadLimits = load();

/** Where a ticket's bytes are sent, on the gateway: `PUT /uploads/<ticket>`. */
export const UPLOAD_PATH = '/uploads/';
/** A ticket: 32 random bytes, base64url. */
export const UPLOAD_TICKET = /^[A-Za-z0-9_-]{43}$/;
