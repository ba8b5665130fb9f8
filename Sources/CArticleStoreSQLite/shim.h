#ifndef CARTICLESTORE_SQLITE_SHIM_H
#define CARTICLESTORE_SQLITE_SHIM_H

#include <sqlite3.h>

/// sqlite3_db_config is variadic and cannot be called from Swift; these wrap the forms we use.
static inline int articlestore_db_config_flag(sqlite3 *db, int op, int value) {
    int current = 0;
    return sqlite3_db_config(db, op, value, &current);
}

/// Reads the current value of a boolean sqlite3_db_config option (-1 leaves it unchanged).
static inline int articlestore_db_config_read(sqlite3 *db, int op) {
    int current = -1;
    sqlite3_db_config(db, op, -1, &current);
    return current;
}

/// SQLITE_TRANSIENT is a macro cast that Swift cannot import.
static inline sqlite3_destructor_type articlestore_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
