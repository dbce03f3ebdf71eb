export { generateListings, SEED_EPOCH } from './generate';
export {
  type BatchFailure,
  type ImportOptions,
  type ImportResult,
  importListings,
  parseListingCsv,
  parseListingJson,
  type RowProblem,
  readListingFile,
  type SourceRecord,
} from './import';
export { createRandom, type Random } from './random';
export { insertListingRows, type ListingRow } from './rows';
export { type SeedOptions, type SeedResult, seedDemoListingsIfEmpty, seedListings } from './seed';
