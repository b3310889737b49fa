'use strict';
// stores.js - load a zhkg export into a graph store and report what the
// store holds, as one line of JSON on stdout (compared by counts.py):
//
//   node stores.js kuzu CSVDIR DBDIR
//     creates a Kuzu database in DBDIR (removed first), runs CSVDIR's
//     schema.cypher there (CREATE NODE/REL TABLE, COPY ... FROM the
//     kuzu_*.csv files, paths relative to CSVDIR) and counts nodes and
//     relations per type; also each node's number of aliases.
//   node stores.js oxigraph GRAPH.nq
//     loads the N-Quads of the JSON-LD export into an Oxigraph store and
//     asks SPARQL for the typed, named entities (one per graph node: a
//     subject with an rdf:type, a schema:name and a zhkg:entityType) per
//     type, and for the zhkg:Relation subjects per relation type.
//
// Both packages are pinned in package-lock.json beside this file and
// installed by `npm ci` (the eco.setup.npm fixture); nothing is fetched at
// run time.
const fs = require('fs');
const path = require('path');
const here = __dirname;
const req = (m) => require(path.join(here, 'node_modules', m));

async function kuzu(csvdir, dbdir) {
  const k = req('kuzu');
  fs.rmSync(dbdir, {recursive: true, force: true});
  fs.mkdirSync(path.dirname(dbdir), {recursive: true});
  const db = new k.Database(dbdir);
  const conn = new k.Connection(db);
  // The file as written, comments and all: Kuzu runs it as one
  // multi-statement query.
  const schema = fs.readFileSync(path.join(csvdir, 'schema.cypher'), 'utf8');
  const cwd = process.cwd();
  process.chdir(csvdir);            // COPY paths are relative to the directory
  try {
    await conn.query(schema);
  } finally {
    process.chdir(cwd);
  }
  const all = async (q) => (await conn.query(q)).getAll();
  const out = {store: `kuzu ${require(path.join(here, 'node_modules', 'kuzu', 'package.json')).version}`,
               nodes: {}, edges: {}, aliases: {}, labels: {}};
  for (const r of await all('MATCH (n:Entity) RETURN n.type AS t, n.label AS l, count(*) AS c')) {
    out.nodes[r.t] = (out.nodes[r.t] || 0) + Number(r.c);
    out.labels[r.l] = (out.labels[r.l] || 0) + Number(r.c);
  }
  for (const r of await all('MATCH ()-[e:Relation]->() RETURN e.type AS t, count(*) AS c'))
    out.edges[r.t] = Number(r.c);
  for (const r of await all('MATCH (n:Entity) RETURN n.id AS id, size(n.aliases) AS k'))
    out.aliases[r.id] = Number(r.k);
  return out;
}

async function oxigraph(nq) {
  const ox = req('oxigraph');
  const store = new ox.Store();
  store.load(fs.readFileSync(nq, 'utf8'), {format: 'application/n-quads'});
  const P = 'PREFIX zhkg: <https://example.org/zhkg/vocab#>\nPREFIX schema: <https://schema.org/>\n';
  const out = {store: `oxigraph ${require(path.join(here, 'node_modules', 'oxigraph', 'package.json')).version}`,
               quads: store.size, nodes: {}, edges: {}, subjects: 0};
  // One row per entity: its type (entityType), however many classes it has.
  const ents = store.query(P + `SELECT ?s (SAMPLE(?et) AS ?t) WHERE {
      ?s a ?class ; schema:name ?name ; zhkg:entityType ?et } GROUP BY ?s`);
  for (const b of ents) {
    out.subjects++;
    const t = b.get('t').value;
    out.nodes[t] = (out.nodes[t] || 0) + 1;
  }
  const rels = store.query(P + `SELECT ?t (COUNT(DISTINCT ?r) AS ?n) WHERE {
      ?r a zhkg:Relation ; zhkg:relationType ?t } GROUP BY ?t`);
  for (const b of rels) out.edges[b.get('t').value] = Number(b.get('n').value);
  return out;
}

(async () => {
  const [what, a, b] = process.argv.slice(2);
  let out;
  if (what === 'kuzu' && a && b) out = await kuzu(path.resolve(a), path.resolve(b));
  else if (what === 'oxigraph' && a) out = await oxigraph(a);
  else {
    console.error('usage: node stores.js kuzu CSVDIR DBDIR | oxigraph GRAPH.nq');
    process.exit(2);
  }
  console.log(JSON.stringify(out));
})().catch((e) => {
  console.error(`stores.js: ${e.message}`);
  process.exit(1);
});
