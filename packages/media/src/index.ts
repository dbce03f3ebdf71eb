export { demoSvg } from './demo-scenes';
export { diskStore } from './disk-store';
export { createMedia, type Media, type MediaConfig, type StoredPicture } from './media';
export {
  ACCEPTED_FORMATS,
  MAX_INPUT_PIXELS,
  MAX_UPLOAD_BYTES,
  MediaError,
  type MediaRejection,
  type ProcessedPicture,
  processPicture,
} from './process';
export { type S3Config, s3Store } from './s3-store';
export type { MediaStore } from './store';
