// "Build npm" without the developer tools: copies each dependency's mini-program dist (its package.json
// `miniprogram` field) to src/miniprogram_npm/<name>, the same output as miniprogram-ci's packNpmManually.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'src', 'miniprogram_npm');
const { dependencies = {} } = require(path.join(root, 'package.json'));

fs.rmSync(target, { recursive: true, force: true });
for (const name of Object.keys(dependencies)) {
  const packageDir = path.join(root, 'node_modules', name);
  const { miniprogram } = require(path.join(packageDir, 'package.json'));
  if (!miniprogram) continue;
  fs.cpSync(path.join(packageDir, miniprogram), path.join(target, name), { recursive: true });
}
