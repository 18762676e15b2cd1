import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'

/**
 * A SCRAM-SHA-256 verifier (RFC 5802/7677) in PostgreSQL's stored form. `CREATE ROLE ...
 * PASSWORD` given a verifier stores it as is, so the password itself never reaches the server,
 * its logs or `pg_stat_statements`. The passwords made here are base64url, for which SASLprep
 * changes nothing.
 */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16)
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256')
  const clientKey = createHmac('sha256', salted).update('Client Key').digest()
  const storedKey = createHash('sha256').update(clientKey).digest()
  const serverKey = createHmac('sha256', salted).update('Server Key').digest()
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`
}

/** 24 random bytes: 192 bits, typed by no one (it goes to the keychain through the invite). */
export function newPassword(): string {
  return randomBytes(24).toString('base64url')
}
