// Photo files on disk for wx.uploadFile: a real 1×1 PNG, a text file dressed as a photo, and an oversized JPEG.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welink-mp-'));
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function write(name, bytes) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

module.exports = {
  photo: () => write(`photo-${Math.random().toString(16).slice(2)}.png`, png),
  notAPhoto: () => write('notes.jpg', Buffer.from('这不是照片，只是一段文字')),
  /** 5 MB and one byte, starting like a JPEG. */
  oversized: () => write('big.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5 * 1024 * 1024 - 3)])),
};
