/**
 * Where the bytes of candidate files live: one small interface, put, get and delete by key, with two
 * implementations. Keys are made by the files service and are unique within an organization; every
 * call names the organization, so a storage can keep organizations apart (PostgreSQL: the column
 * row-level security reads; S3: a key prefix).
 */
export interface FileStorage {
  /** What `candidate_files.storage` records for files put here. */
  readonly kind: 'postgres' | 's3';
  put(organizationId: string, key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(organizationId: string, key: string): Promise<Buffer | null>;
  /** Deletes the bytes; deleting a key that holds nothing is not an error. */
  delete(organizationId: string, key: string): Promise<void>;
}
