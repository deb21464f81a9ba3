import type { WritableDb } from '../open-database'

/**
 * Number 13 belongs to another change in flight; this empty step keeps the chain whole until it
 * lands (the real 0013 replaces this file when both are merged).
 */
export function up(_db: WritableDb): void {}
