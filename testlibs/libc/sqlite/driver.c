/* SQLite acceptance driver over the amalgamation: a database file, 10,000
   rows in a transaction, aggregates/joins/LIKE/printf()/floating point, then
   reopen and verify. Prints every result row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3.h"

static int print_row(void *tag, int n, char **vals, char **cols)
{
    (void)cols;
    printf("%s:", (const char *)tag);
    for (int i = 0; i < n; i++)
        printf(" %s", vals[i] ? vals[i] : "NULL");
    printf("\n");
    return 0;
}

static void run(sqlite3 *db, const char *tag, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, print_row, (void *)tag, &err) != SQLITE_OK) {
        printf("%s: error: %s\n", tag, err);
        sqlite3_free(err);
    }
}

int main(void)
{
    const char *path = "test.db";
    remove(path);
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) return 1;
    printf("sqlite %s threadsafe=%d\n", sqlite3_libversion(), sqlite3_threadsafe());
    run(db, "ddl", "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT, price REAL, cat INTEGER);"
                   "CREATE TABLE cats(id INTEGER PRIMARY KEY, label TEXT);"
                   "CREATE INDEX items_cat ON items(cat);");
    run(db, "cats", "INSERT INTO cats VALUES (0,'zero'),(1,'one'),(2,'two'),(3,'three'),(4,'four');");
    sqlite3_stmt *st;
    run(db, "tx", "BEGIN");
    sqlite3_prepare_v2(db, "INSERT INTO items(name, price, cat) VALUES (?, ?, ?)", -1, &st, NULL);
    for (int i = 0; i < 10000; i++) {
        char name[32];
        snprintf(name, sizeof name, "item-%05d-%s", i, i % 7 ? "plain" : "special");
        sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(st, 2, (i % 1000) * 1.25 + i / 3.0);
        sqlite3_bind_int(st, 3, i % 5);
        if (sqlite3_step(st) != SQLITE_DONE) return 2;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    run(db, "tx", "COMMIT");
    run(db, "count", "SELECT count(*), sum(price), avg(price), min(price), max(price) FROM items;");
    run(db, "group", "SELECT cat, count(*), round(avg(price), 4), total(price) FROM items GROUP BY cat ORDER BY cat;");
    run(db, "join", "SELECT c.label, count(*) FROM items i JOIN cats c ON c.id = i.cat WHERE i.price > 500 GROUP BY c.label ORDER BY c.label;");
    run(db, "like", "SELECT count(*) FROM items WHERE name LIKE '%special';");
    run(db, "like2", "SELECT name FROM items WHERE name LIKE 'item-0999%' ORDER BY id;");
    run(db, "printf", "SELECT printf('%5.2f|%d|%s|%e|%.10g|%x', price, id, name, price * 1e10, price / 7, id) FROM items WHERE id IN (1, 77, 9999);");
    run(db, "float", "SELECT 0.1 + 0.2, 1.0 / 3, 2.5e-300 * 1e-10, 1e308 * 10, round(2.675, 2), cast('3.14abc' AS REAL), 9007199254740993.0;");
    run(db, "math", "SELECT abs(-7), max(3, 9), length('héllo'), upper('abc'), substr('abcdef', 2, 3), hex('AB'), typeof(1.5), 17 % 5;");
    run(db, "sub", "SELECT id, price FROM items WHERE price = (SELECT max(price) FROM items WHERE cat = 3);");
    run(db, "upd", "UPDATE items SET price = price * 2 WHERE cat = 4; SELECT changes(), total_changes();");
    run(db, "del", "DELETE FROM items WHERE id % 100 = 0; SELECT count(*) FROM items;");
    run(db, "date", "SELECT date(0, 'unixepoch'), datetime(1234567890, 'unixepoch'), strftime('%Y-%j', '2024-03-01');");
    sqlite3_close(db);

    if (sqlite3_open(path, &db) != SQLITE_OK) return 3;
    run(db, "reopen", "SELECT count(*), sum(cat), printf('%.3f', sum(price)) FROM items;");
    run(db, "check", "PRAGMA integrity_check;");
    run(db, "order", "SELECT id, name, price FROM items ORDER BY price DESC, id LIMIT 5;");
    sqlite3_close(db);
    remove(path);
    return 0;
}
