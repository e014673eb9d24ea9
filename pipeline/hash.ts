/** The content hash of files and texts, in a module of its own so that hashing loads no stage. */
import { hash } from 'node:crypto';

// crypto.hash, one call: a Hash object per digest cost twice as long for the short texts most digests are of.
export function sha256(data: string | Buffer): string {
  return hash('sha256', data, 'hex');
}

/** A short digest of a text, for the digests stored to tell whether something changed. */
export function sha1Base64url(text: string): string {
  return hash('sha1', text, 'base64url');
}
