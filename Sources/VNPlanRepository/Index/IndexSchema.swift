import GRDB

/// The index's tables. The index is derived: when this schema changes, `version` goes up and
/// an older index is rebuilt from the plans rather than migrated.
enum IndexSchema {
    static let version = 3

    /// Columns that hold a list as a JSON array: results give them as lists (JSON) or their
    /// items joined with "; " (CSV, table).
    static let listColumns: Set<String> = ["outputs", "lead", "support", "evaluator"]

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE plans (
                id TEXT PRIMARY KEY,
                file TEXT NOT NULL UNIQUE,
                file_size INTEGER NOT NULL,
                file_modified INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                format TEXT NOT NULL,
                ocr INTEGER NOT NULL,
                issuer TEXT,
                issuer_folded TEXT,
                type TEXT,
                number TEXT,
                date TEXT,
                year INTEGER,
                title TEXT,
                signer TEXT,
                task_count INTEGER NOT NULL,
                indicator_count INTEGER NOT NULL,
                warning_count INTEGER NOT NULL,
                -- Issuer, number and date, as the id spells them; NULL when the document lacks one.
                document_key TEXT,
                -- The plan that stands for this document when another file of it (a DOCX beside
                -- its PDF, a scan) is in the repository too; NULL for the one that stands.
                copy_of TEXT
            );
            CREATE INDEX plans_year ON plans(year);
            CREATE INDEX plans_document ON plans(document_key);

            CREATE TABLE tasks (
                id INTEGER PRIMARY KEY,
                plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                path TEXT NOT NULL,
                section TEXT,
                section_title TEXT,
                number TEXT,
                objective TEXT,
                task TEXT,
                activity TEXT,
                outputs TEXT,
                lead TEXT,
                support TEXT,
                deadline_text TEXT,
                deadline_kind TEXT,
                deadline_start TEXT,
                deadline_end TEXT,
                deadline_every TEXT,
                funding TEXT,
                note TEXT,
                confidence REAL NOT NULL,
                UNIQUE (plan_id, path)
            );
            CREATE INDEX tasks_kind ON tasks(deadline_kind);

            CREATE TABLE units (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                folded TEXT NOT NULL,
                -- Wordings of one unit share it: no level suffix, abbreviations spelled out.
                canonical TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('unit', 'person'))
            );
            CREATE INDEX units_canonical ON units(canonical);

            CREATE TABLE indicators (
                id INTEGER PRIMARY KEY,
                plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                path TEXT NOT NULL,
                number TEXT,
                name TEXT NOT NULL,
                unit TEXT,
                target_text TEXT,
                comparator TEXT,
                value REAL,
                lead TEXT,
                support TEXT,
                evaluator TEXT
            );
            CREATE INDEX indicators_plan ON indicators(plan_id);

            CREATE TABLE assignments (
                unit_id INTEGER NOT NULL REFERENCES units(id),
                role TEXT NOT NULL CHECK (role IN ('lead', 'support', 'evaluator')),
                plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
                task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
                indicator_id INTEGER REFERENCES indicators(id) ON DELETE CASCADE
            );
            CREATE INDEX assignments_unit ON assignments(unit_id, role, task_id);
            CREATE INDEX assignments_task ON assignments(task_id);
            CREATE INDEX assignments_plan ON assignments(plan_id);

            CREATE TABLE deadlines (
                task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                start TEXT,
                end TEXT,
                every TEXT,
                due TEXT
            );
            CREATE INDEX deadlines_due ON deadlines(due, task_id);
            CREATE INDEX deadlines_task ON deadlines(task_id);
            CREATE INDEX deadlines_plan ON deadlines(plan_id);

            -- Full-text search over each task's words. The tokenizer folds case and diacritics;
            -- đ/Đ is stored as d/D. So "so hoa ho so" finds "Số hóa hồ sơ". The row id is the task's.
            CREATE VIRTUAL TABLE task_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER tasks_leave_search AFTER DELETE ON tasks BEGIN
                DELETE FROM task_search WHERE rowid = old.id;
            END;

            -- The tasks with their plan, as most questions want them. Tasks of a copy (copy_of
            -- set) are those of the plan it copies: count WHERE copy_of IS NULL.
            CREATE VIEW task_view AS
                SELECT p.id AS plan_id, p.copy_of, p.issuer, p.number AS plan_number, p.date AS plan_date, p.year,
                       t.seq, t.path, t.section, t.section_title, t.number, t.objective, t.task, t.activity,
                       t.outputs, t.lead, t.support, t.deadline_text, t.deadline_kind, t.deadline_start,
                       t.deadline_end, t.deadline_every, t.funding, t.note, t.confidence
                FROM tasks t JOIN plans p ON p.id = t.plan_id;
            """)
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }
}
