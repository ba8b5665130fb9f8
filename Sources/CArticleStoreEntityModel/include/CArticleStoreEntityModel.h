#ifndef CARTICLESTORE_ENTITY_MODEL_H
#define CARTICLESTORE_ENTITY_MODEL_H

/// The trained entity model (see Benchmarks/README.md, "Entities"), as base64 text written by
/// `swift run -c release articles-bench train-entities`; `*length` receives its length
/// (0 before the first training).
const char *articlestore_entity_model_base64(unsigned long *length);

#endif
