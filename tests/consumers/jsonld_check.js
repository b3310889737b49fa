'use strict';
// jsonld_check.js GRAPH.jsonld OUT.nq - expand a zhkg JSON-LD file with
// jsonld.js in safe mode (a term the context does not define, or a relative
// IRI, is an error instead of being dropped) and a document loader that
// refuses every remote load; check that every @graph item comes out of the
// expansion; write the graph as N-Quads to OUT.nq.
const fs = require('fs');
const path = require('path');
const jsonld = require(path.join(__dirname, 'node_modules', 'jsonld'));

const [file, out] = process.argv.slice(2);
const documentLoader = async (url) => {
  throw new Error(`remote load refused: ${url}`);
};
const opts = {safe: true, documentLoader};

(async () => {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const expanded = await jsonld.expand(doc, opts);
  const ids = new Set(expanded.map((n) => n['@id']));
  const missing = doc['@graph'].filter((n) => !ids.has(n['@id']));
  if (missing.length || expanded.length !== doc['@graph'].length) {
    console.log(`${missing.length} of ${doc['@graph'].length} items missing after ` +
                `expansion (${expanded.length} expanded), e.g. ${missing.slice(0, 3).map((n) => n['@id'])}`);
    process.exit(1);
  }
  const nquads = await jsonld.toRDF(doc, {...opts, format: 'application/n-quads'});
  fs.writeFileSync(out, nquads);
  console.log(`jsonld.js ${require(path.join(__dirname, 'node_modules', 'jsonld', 'package.json')).version}: ` +
              `${expanded.length} items expanded in safe mode, ${nquads.split('\n').length - 1} quads`);
})().catch((e) => {
  console.log(`jsonld.js: ${e.name}: ${e.message}` +
              (e.details && e.details.event ? ` [${e.details.event.code}] ${JSON.stringify(e.details.event.details)}` : ''));
  process.exit(1);
});
