// Writes the app's icons from icon.svg: run `node scripts/icons/generate.mjs` after changing it,
// and commit what it writes (the build does not run it). sharp comes with Next.js.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const svg = readFileSync(path.join(here, 'icon.svg'));
// Square, full bleed: iOS and Android's masks round the corners themselves, and a maskable icon
// keeps its drawing inside the central 80 % that every mask shape leaves visible.
const square = Buffer.from(svg.toString().replace(/ rx="\d+"/, ''));
const maskable = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#115c3f"/>` +
    `<image href="data:image/svg+xml;base64,${square.toString('base64')}" x="51" y="51" width="410" height="410"/></svg>`,
);

const png = (source, size) => sharp(source, { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An .ico holding PNG images (every browser since IE 11 reads them). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

mkdirSync(path.join(root, 'public/icons'), { recursive: true });
copyFileSync(path.join(here, 'icon.svg'), path.join(root, 'src/app/icon.svg'));
writeFileSync(
  path.join(root, 'src/app/favicon.ico'),
  ico([
    { size: 32, data: await png(svg, 32) },
    { size: 16, data: await png(svg, 16) },
  ]),
);
writeFileSync(path.join(root, 'src/app/apple-icon.png'), await png(square, 180));
writeFileSync(path.join(root, 'public/icons/icon-192.png'), await png(square, 192));
writeFileSync(path.join(root, 'public/icons/icon-512.png'), await png(square, 512));
writeFileSync(path.join(root, 'public/icons/icon-maskable-512.png'), await png(maskable, 512));
console.log('icons written');
