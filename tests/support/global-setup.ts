/** Fails fast, before any worker starts, when CI would otherwise skip the PostgreSQL half. */
export default async function setup(): Promise<void> {
  if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
    throw new Error('CI=true requires TEST_DATABASE_URL (PostgreSQL integration tests must not be skipped)');
  }
}
