import Foundation

/// The files `vnplan init` puts in a new plans repository, so that the archivist can ingest
/// and every change to plans/ is validated: before each commit by a hook, and by CI on push
/// and pull request.
enum RepositoryTemplate {
    static let files: [(path: String, contents: String, executable: Bool)] = [
        (".gitignore", gitignore, false),
        (".gitattributes", gitattributes, false),
        (".githooks/pre-commit", preCommit, true),
        (".github/workflows/validate-plans.yml", workflow, false),
        ("plans/.gitkeep", "", false),
        ("sources/.gitkeep", "", false),
    ]

    static let gitignore = """
        # Derived from plans/ by `vnplan index`: rebuild it, never commit it.
        /index.sqlite
        /index.sqlite-*
        # Reports of `vnplan ingest` runs, and the locks that let two runs take turns.
        /ingest-report*.json
        /.ingest-report*.lock
        /.vnplan.lock
        # Temporary files of a write that was interrupted.
        .*.tmp

        """

    /// `git diff` and `git log -p` show a plan's change as the change of its Markdown view
    /// (`vnplan show --to md`), not of its JSON; `vnplan diff OLD NEW` compares task by task.
    static let gitattributes = """
        plans/**/*.json diff=vnplan

        """

    /// What the `diff=vnplan` attribute runs: git's textconv driver.
    static let diffDriver = "vnplan show --to md"

    static let preCommit = """
        #!/bin/sh
        # Installed by `vnplan init`: validates the plans this commit adds or changes.
        # Enabled by `git config core.hooksPath .githooks` (vnplan init does it; a fresh clone
        # needs it once). Skip in an emergency with `git commit --no-verify`.
        changed=$(git diff --cached --name-only --diff-filter=AMR -- 'plans/*.json')
        [ -z "$changed" ] && exit 0
        if ! command -v vnplan >/dev/null 2>&1; then
            echo "pre-commit: vnplan is not on PATH, so the changed plans cannot be validated" >&2
            exit 1
        fi
        # Validate what is staged, not the working tree.
        staged=$(mktemp -d)
        trap 'rm -rf "$staged"' EXIT
        printf '%s\\n' "$changed" | git checkout-index --prefix="$staged/" --stdin
        cd "$staged" && printf '%s\\n' "$changed" | xargs vnplan validate --

        """

    static let workflow = """
        # Installed by `vnplan init`: validates every plan a push or pull request adds or changes,
        # and annotates each problem on the file in GitHub.
        #
        # vnplan is built from source: set the repository variables VNPLAN_SOURCE (its git URL)
        # and VNPLAN_REF (a tag or branch) under Settings › Secrets and variables › Actions.
        name: validate plans
        on:
          push:
            paths: ["plans/**"]
          pull_request:
            paths: ["plans/**"]
        jobs:
          validate:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
              - name: Install vnplan
                run: |
                  sudo apt-get update
                  sudo apt-get install -y libxml2-dev libpoppler-glib-dev libtesseract-dev libleptonica-dev libsqlite3-dev
                  git clone --depth 1 --branch "${{ vars.VNPLAN_REF }}" "${{ vars.VNPLAN_SOURCE }}" "$RUNNER_TEMP/vnplan"
                  swift build -c release --product vnplan --package-path "$RUNNER_TEMP/vnplan"
                  echo "$RUNNER_TEMP/vnplan/.build/release" >> "$GITHUB_PATH"
              - name: Validate changed plans
                env:
                  BASE: ${{ github.event.pull_request.base.sha || github.event.before }}
                run: |
                  # A new branch or the first push has no usable base: compare with the empty tree.
                  if ! git cat-file -e "$BASE^{commit}" 2>/dev/null; then
                    BASE=$(git hash-object -t tree /dev/null)
                  fi
                  git diff --name-only --diff-filter=AMR "$BASE" "$GITHUB_SHA" -- 'plans/*.json' > "$RUNNER_TEMP/changed"
                  if [ ! -s "$RUNNER_TEMP/changed" ]; then echo "No plan changed."; exit 0; fi
                  xargs vnplan validate --format github -- < "$RUNNER_TEMP/changed"

        """
}

extension PlanRepository {
    /// Makes `root` a plans repository: git, the layout, the ignore file, the validation hook
    /// and CI workflow. Files that exist are left as they are. Returns the paths it created.
    @discardableResult
    public func initialize() throws(RepositoryError) -> [String] {
        var created: [String] = []
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        catch { throw .cannotWrite(path: root.path, reason: error.localizedDescription) }
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) {
            try git(["init", "--quiet"])
            created.append(".git")
        }
        for file in RepositoryTemplate.files {
            let url = self.url(of: file.path)
            guard !FileManager.default.fileExists(atPath: url.path) else { continue }
            do { try AtomicFile.write(Data(file.contents.utf8), to: url, links: .replace) }
            catch { throw .output(OutputError(path: file.path, problem: error.problem)) }
            if file.executable, chmod(url.path, 0o755) != 0 {
                throw .cannotWrite(path: file.path, reason: String(cString: strerror(errno)))
            }
            created.append(file.path)
        }
        try git(["config", "core.hooksPath", ".githooks"])
        try git(["config", "diff.vnplan.textconv", RepositoryTemplate.diffDriver])
        return created
    }

    private func git(_ arguments: [String]) throws(RepositoryError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .cannotWrite(path: root.path, reason: "git cannot be started (\(error.localizedDescription)); install git")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .cannotWrite(path: root.path, reason: "git \(arguments.joined(separator: " ")) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
