import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';

const VERSION = 'v1';

/**
 * Encrypts secrets the database keeps (SSO client secrets, TOTP secrets) with AES-256-GCM, so a
 * copy of the database or a backup alone does not give them away. Sealed form:
 * `v1.<iv>.<tag>.<ciphertext>` in base64url. The key is SHA-256 of SECRETS_KEY.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string | Buffer) {
    this.key = createHash('sha256').update(secret).digest();
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plain text; throws when the value was not sealed with this key (or was altered). */
  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/**
 * The key: SECRETS_KEY, or else a random one kept in `<DATA_DIR>/secrets.key` (created on first
 * start, readable by its owner only). The file suits one machine; several instances, or
 * production, set SECRETS_KEY (production refuses to start without it).
 */
export function secretBoxFor(config: Pick<AppConfig, 'secretsKey' | 'dataDir'>): SecretBox {
  if (config.secretsKey) return new SecretBox(config.secretsKey);
  const file = join(config.dataDir, 'secrets.key');
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return new SecretBox(readFileSync(file, 'utf8').trim());
}

@Global()
@Module({
  providers: [{ provide: SecretBox, inject: [APP_CONFIG], useFactory: (config: AppConfig) => secretBoxFor(config) }],
  exports: [SecretBox],
})
export class SecretsModule {}
