// Validates Kubernetes objects (a JSON array, argv[2]) against the API's schemas as packaged by kubernetes-models.
// Prints one line per object, and exits 1 if any object is invalid or of a kind it cannot check.
import fs from 'node:fs';

const objects = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let failed = 0;
for (const o of objects) {
  const name = `${o.kind}/${o.metadata && o.metadata.name}`;
  try {
    const models = await import(`kubernetes-models/${o.apiVersion}`);
    const Kind = models[o.kind];
    if (!Kind) throw new Error(`no schema for ${o.apiVersion} ${o.kind}`);
    new Kind(o).validate();
    console.log(`valid   ${name}`);
  } catch (e) {
    failed++;
    console.log(`INVALID ${name}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
