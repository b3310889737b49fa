// Kuzu schema and import for the files of this directory, written by
// zhkg (docs/format-csv.md).  Run it from this directory, e.g.
//   cd DIR && kuzu graph.kuzu < schema.cypher
CREATE NODE TABLE Entity(id STRING, name STRING, type STRING, label STRING, aliases STRING[], mentions INT64, PRIMARY KEY(id));
CREATE REL TABLE Relation(FROM Entity TO Entity, type STRING, directed BOOLEAN, support INT64, evidence STRING, doc STRING, sentence INT64, start INT64, `end` INT64, rule STRING, origin STRING, title STRING);
COPY Entity FROM 'kuzu_nodes.csv' (HEADER=true);
COPY Relation FROM 'kuzu_edges.csv' (HEADER=true);
