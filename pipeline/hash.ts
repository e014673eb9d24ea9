/** The content hash of files and texts, in a module of its own so that hashing loads no stage. */
import { createHash } from 'node:crypto';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
