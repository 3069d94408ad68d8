// exifr's smallest build (JPEG EXIF only, no tag names: tags are asked for by number). Its package
// types cover the full build's entry point only.
declare module 'exifr/dist/mini.esm.mjs' {
  const exifr: {
    parse(input: Blob | ArrayBuffer | Uint8Array, options: Record<string, unknown>): Promise<Record<string, unknown> | undefined>;
  };
  export default exifr;
}
