#ifndef CARTICLESTORE_SQLITE_SHIM_H
#define CARTICLESTORE_SQLITE_SHIM_H

#include <math.h>
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

/* ---------------------------------------------------------------------------------------------
 * articles_rank: an FTS5 auxiliary function, ArticleStore's relevance score.
 *
 *   articles_rank(articles_fts, proximity, k1, b, weight_1, ..., weight_n
 *                 [, lead, lead_column, lead_tokens])
 *
 * Okapi BM25 with column weights (with k1 1.2 and b 0.75, the same figure FTS5's bm25() gives
 * but positive: higher is better), plus `proximity` times a term-proximity score in the manner of
 * Rasolofo and Savoy's BM25TP: every two instances of different phrases at most 12 tokens apart
 * in the same column add 1/distance^2 to each other's accumulator, weighted by the other's IDF,
 * and each accumulator is saturated like a term frequency. It reads the positions FTS5 has
 * already loaded for the row (xInst), so it costs about what bm25() does.
 *
 * With `lead` (0 when left out), an instance among the first `lead_tokens` tokens of column
 * `lead_column` (0-based) counts 1 + `lead` times: news puts what an article is about in its
 * opening, so a match there says more than one further down.
 * ------------------------------------------------------------------------------------------- */

/* How many rows articles_rank has scored since the counter was last reset (one per connection,
 * the function's user data): a ranking query reads its total match count from it instead of
 * buffering every row for count(*) OVER (). A row scored twice in a row counts once. */
typedef struct {
    sqlite3_int64 rows;
    sqlite3_int64 lastRowid;
    int started;
} articlestore_rank_counter;

static inline void articlestore_rank_counter_reset(articlestore_rank_counter *counter) {
    counter->rows = 0;
    counter->started = 0;
}

typedef struct {
    int phrases;
    double *idf;           /* per phrase */
    double averageLength;  /* tokens per row, all columns */
} articlestore_rank_data;

static int articlestore_rank_count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
    (void)api; (void)fts;
    (*(sqlite3_int64 *)user)++;
    return SQLITE_OK;
}

static void articlestore_rank_free(void *pointer) {
    articlestore_rank_data *data = (articlestore_rank_data *)pointer;
    if (data) sqlite3_free(data->idf);
    sqlite3_free(data);
}

static int articlestore_rank_prepare(const Fts5ExtensionApi *api, Fts5Context *fts, articlestore_rank_data **out) {
    articlestore_rank_data *data = (articlestore_rank_data *)api->xGetAuxdata(fts, 0);
    if (data) { *out = data; return SQLITE_OK; }
    data = (articlestore_rank_data *)sqlite3_malloc(sizeof(articlestore_rank_data));
    if (!data) return SQLITE_NOMEM;
    data->phrases = api->xPhraseCount(fts);
    data->idf = (double *)sqlite3_malloc64(sizeof(double) * (data->phrases > 0 ? data->phrases : 1));
    if (!data->idf) { sqlite3_free(data); return SQLITE_NOMEM; }
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    data->averageLength = rows > 0 ? (double)tokens / (double)rows : 1.0;
    if (data->averageLength <= 0) data->averageLength = 1.0;
    for (int phrase = 0; rc == SQLITE_OK && phrase < data->phrases; phrase++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, phrase, &hits, articlestore_rank_count_row);
        /* As FTS5's bm25(): never zero or negative, so a very common term still counts a little. */
        double idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
        data->idf[phrase] = idf <= 0.0 ? 1e-6 : idf;
    }
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, data, articlestore_rank_free);
    if (rc != SQLITE_OK) { articlestore_rank_free(data); return rc; }
    *out = data;
    return SQLITE_OK;
}

#define ARTICLESTORE_RANK_STACK 32
#define ARTICLESTORE_RANK_WINDOW 12
#define ARTICLESTORE_RANK_INSTANCES 256

static void articlestore_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                              int argumentCount, sqlite3_value **arguments) {
    const double k1 = argumentCount > 1 ? sqlite3_value_double(arguments[1]) : 1.2;
    const double b = argumentCount > 2 ? sqlite3_value_double(arguments[2]) : 0.75;
    articlestore_rank_data *data = 0;
    articlestore_rank_counter *counter = (articlestore_rank_counter *)api->xUserData(fts);
    if (counter) {
        sqlite3_int64 rowid = api->xRowid(fts);
        if (!counter->started || rowid != counter->lastRowid) counter->rows++;
        counter->lastRowid = rowid;
        counter->started = 1;
    }
    int rc = articlestore_rank_prepare(api, fts, &data);
    int columns = api->xColumnCount(fts);
    double proximity = argumentCount > 0 ? sqlite3_value_double(arguments[0]) : 0.0;
    double stackFrequency[ARTICLESTORE_RANK_STACK], stackAccumulator[ARTICLESTORE_RANK_STACK];
    double *frequency = stackFrequency, *accumulator = stackAccumulator;
    int instances = 0, length = 0;
    /* The lead: optional arguments after the column weights. */
    const double lead = argumentCount > columns + 3 ? sqlite3_value_double(arguments[columns + 3]) : 0.0;
    const int leadColumn = argumentCount > columns + 4 ? sqlite3_value_int(arguments[columns + 4]) : -1;
    const int leadTokens = argumentCount > columns + 5 ? sqlite3_value_int(arguments[columns + 5]) : 0;
    if (rc == SQLITE_OK && data->phrases > ARTICLESTORE_RANK_STACK) {
        frequency = (double *)sqlite3_malloc64(sizeof(double) * 2 * data->phrases);
        if (!frequency) rc = SQLITE_NOMEM; else accumulator = frequency + data->phrases;
    }
    if (rc == SQLITE_OK) {
        for (int phrase = 0; phrase < data->phrases; phrase++) { frequency[phrase] = 0; accumulator[phrase] = 0; }
        rc = api->xInstCount(fts, &instances);
    }
    /* The instances, read once (phrase, column, offset each): on the stack when few. */
    int stackInstances[3 * ARTICLESTORE_RANK_INSTANCES];
    int *found = stackInstances;
    if (rc == SQLITE_OK && instances > ARTICLESTORE_RANK_INSTANCES) {
        found = (int *)sqlite3_malloc64(sizeof(int) * 3 * (sqlite3_uint64)instances);
        if (!found) rc = SQLITE_NOMEM;
    }
    /* Term frequencies, column weighted. */
    for (int index = 0; rc == SQLITE_OK && index < instances; index++) {
        int phrase, column, offset;
        rc = api->xInst(fts, index, &phrase, &column, &offset);
        found[3 * index] = phrase;
        found[3 * index + 1] = column;
        found[3 * index + 2] = offset;
        if (rc == SQLITE_OK && phrase >= 0 && phrase < data->phrases) {
            double weight = column + 3 < argumentCount && column < columns ? sqlite3_value_double(arguments[column + 3]) : 1.0;
            if (column == leadColumn && offset < leadTokens) weight *= 1.0 + lead;
            frequency[phrase] += weight;
        }
    }
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &length);
    double normalization = k1 * (1 - b + b * (double)length / data->averageLength);
    double score = 0;
    if (rc == SQLITE_OK) {
        for (int phrase = 0; phrase < data->phrases; phrase++) {
            score += data->idf[phrase] * frequency[phrase] * (k1 + 1) / (frequency[phrase] + normalization);
        }
    }
    /* Proximity: instances come in (column, offset) order; pairs of different phrases close by. */
    if (rc == SQLITE_OK && proximity != 0 && instances > 1) {
        for (int left = 0; left < instances; left++) {
            const int phraseLeft = found[3 * left], columnLeft = found[3 * left + 1], offsetLeft = found[3 * left + 2];
            for (int right = left + 1; right < instances; right++) {
                const int phraseRight = found[3 * right], columnRight = found[3 * right + 1], offsetRight = found[3 * right + 2];
                if (columnRight != columnLeft || offsetRight - offsetLeft > ARTICLESTORE_RANK_WINDOW) break;
                if (phraseRight == phraseLeft || offsetRight <= offsetLeft) continue;
                if (phraseLeft < 0 || phraseLeft >= data->phrases || phraseRight < 0 || phraseRight >= data->phrases) continue;
                double distance = (double)(offsetRight - offsetLeft);
                double closeness = 1.0 / (distance * distance);
                accumulator[phraseLeft] += data->idf[phraseRight] * closeness;
                accumulator[phraseRight] += data->idf[phraseLeft] * closeness;
            }
        }
        double near = 0;
        for (int phrase = 0; rc == SQLITE_OK && phrase < data->phrases; phrase++) {
            double idf = data->idf[phrase] < 1 ? data->idf[phrase] : 1;
            near += idf * accumulator[phrase] * (k1 + 1) / (accumulator[phrase] + normalization);
        }
        score += proximity * near;
    }
    if (frequency != stackFrequency) sqlite3_free(frequency);
    if (found != stackInstances) sqlite3_free(found);
    if (rc == SQLITE_OK) sqlite3_result_double(context, score); else sqlite3_result_error_code(context, rc);
}

/// Registers articles_rank on a connection (FTS5's API, reached as its documentation says:
/// SELECT fts5(?1) with a pointer bound), with its row counter, which the connection owns until
/// it closes. Returns an SQLite result code.
static inline int articlestore_register_rank(sqlite3 *db, articlestore_rank_counter **counter) {
    *counter = 0;
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    articlestore_rank_counter *created = (articlestore_rank_counter *)sqlite3_malloc(sizeof(articlestore_rank_counter));
    if (!created) return SQLITE_NOMEM;
    articlestore_rank_counter_reset(created);
    created->lastRowid = 0;
    rc = api->xCreateFunction(api, "articles_rank", created, articlestore_rank, sqlite3_free);
    /* FTS5 frees its user data when the connection closes, but not when registering fails. */
    if (rc == SQLITE_OK) *counter = created; else sqlite3_free(created);
    return rc;
}

#endif
