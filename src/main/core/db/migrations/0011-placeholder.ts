import type { WritableDb } from '../open-database'

/**
 * Number 11 belongs to another change in flight; this empty step keeps the chain whole until it
 * lands (the real 0011 replaces this file when both are merged).
 */
export function up(_db: WritableDb): void {}
