import Foundation

/// The files `vnplan init` puts in a new plans repository, so that the archivist can ingest
/// and every change to plans/ is validated: before each commit by a hook, and by CI on push
/// and pull request.
enum RepositoryTemplate {
    static func files(lfs: Bool) -> [(path: String, contents: String, executable: Bool)] {
        [
            (".gitignore", gitignore, false),
            (".gitattributes", gitattributes + (lfs ? largeFileAttributes : ""), false),
            (".githooks/pre-commit", preCommit, true),
            (".github/workflows/validate-plans.yml", workflow, false),
            // What `vnplan validate` applies, for the repository's own tools (any JSON Schema
            // 2020-12 validator that checks formats).
            ("schemas/plan.schema.json", PlanSchema.shippedText ?? "", false),
            ("plans/.gitkeep", "", false),
            ("sources/.gitkeep", "", false),
        ]
    }

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

    /// `init --lfs`: the originals in sources/ (scans and PDFs, megabytes each) go to Git LFS.
    static let largeFileAttributes = """
        # Originals kept by Git LFS (vnplan init --lfs); plans stay in git as text.
        sources/*.pdf filter=lfs diff=lfs merge=lfs -text
        sources/*.tif filter=lfs diff=lfs merge=lfs -text
        sources/*.tiff filter=lfs diff=lfs merge=lfs -text
        sources/*.png filter=lfs diff=lfs merge=lfs -text
        sources/*.jpg filter=lfs diff=lfs merge=lfs -text
        sources/*.jpeg filter=lfs diff=lfs merge=lfs -text
        sources/*.docx filter=lfs diff=lfs merge=lfs -text

        """

    /// What the `diff=vnplan` attribute runs: git's textconv driver.
    static let diffDriver = "vnplan show --to md"

    static let preCommit = """
        #!/bin/sh
        # Installed by `vnplan init`: validates the plans this commit adds or changes.
        # Enabled by `git config core.hooksPath .githooks` (vnplan init does it; a fresh clone
        # needs it once). Skip in an emergency with `git commit --no-verify`.
        #
        # A pre-commit hook the repository had in .git/hooks before runs first, as it did.
        previous="$(git rev-parse --git-common-dir)/hooks/pre-commit"
        if [ -x "$previous" ]; then
            "$previous" "$@" || exit $?
        fi
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
        # vnplan is built from source once per version and cached: set the repository variables
        # VNPLAN_SOURCE (its git URL) and VNPLAN_REF (a tag or branch) under Settings › Secrets
        # and variables › Actions. A run that finds the build in the cache takes seconds.
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
              - name: Libraries vnplan links
                run: |
                  sudo apt-get update
                  sudo apt-get install -y libxml2-dev libpoppler-glib-dev libpoppler-private-dev libtesseract-dev libleptonica-dev libsqlite3-dev libxlsxwriter-dev
              - name: Which vnplan
                id: version
                run: |
                  # The commit VNPLAN_REF names now: the cache key changes when the branch moves.
                  commit=$(git ls-remote "${{ vars.VNPLAN_SOURCE }}" "${{ vars.VNPLAN_REF }}" | head -n 1 | cut -f 1)
                  echo "commit=${commit:-${{ vars.VNPLAN_REF }}}" >> "$GITHUB_OUTPUT"
              - name: Cached vnplan
                id: cache
                uses: actions/cache@v4
                with:
                  path: ~/vnplan
                  key: vnplan-${{ runner.os }}-${{ steps.version.outputs.commit }}
              - name: Build vnplan
                if: steps.cache.outputs.cache-hit != 'true'
                run: |
                  git clone --depth 1 --branch "${{ vars.VNPLAN_REF }}" "${{ vars.VNPLAN_SOURCE }}" "$RUNNER_TEMP/vnplan"
                  swift build -c release --static-swift-stdlib --product vnplan --package-path "$RUNNER_TEMP/vnplan"
                  mkdir -p ~/vnplan
                  # The program and the resources it reads (schema, pipeline, language model).
                  cp -R "$RUNNER_TEMP/vnplan/.build/release/vnplan" "$RUNNER_TEMP"/vnplan/.build/release/*.resources ~/vnplan/
              - name: vnplan on PATH
                run: echo "$HOME/vnplan" >> "$GITHUB_PATH"
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

/// What `vnplan init` did and left alone.
public struct Initialization: Sendable, Equatable {
    /// The paths it created, relative to the root.
    public var created: [String] = []
    /// What it found and kept, and what the archivist may want to do about it.
    public var notes: [String] = []
}

extension PlanRepository {
    /// Makes `root` a plans repository: git, the layout, the ignore file, the validation hook
    /// and CI workflow, the schema. Files that exist are left as they are, and so is a hook
    /// setup of the archivist's: a `.git/hooks/pre-commit` is run by vnplan's hook first, and a
    /// `core.hooksPath` of another tool is kept (with a note saying how to add vnplan's).
    /// With `lfs`, the originals in sources/ are put under Git LFS.
    @discardableResult
    public func initialize(lfs: Bool = false) throws(RepositoryError) -> Initialization {
        var result = Initialization()
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        catch { throw .cannotWrite(path: root.path, reason: error.localizedDescription) }
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) {
            try git(["init", "--quiet"])
            result.created.append(".git")
        }
        for file in RepositoryTemplate.files(lfs: lfs) {
            let url = self.url(of: file.path)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                if lfs, file.path == ".gitattributes", !((try? String(contentsOf: url, encoding: .utf8))?.contains("filter=lfs") ?? false) {
                    result.notes.append(".gitattributes exists and was kept: add the lines of `vnplan init --lfs` "
                                        + "(sources/*.pdf filter=lfs diff=lfs merge=lfs -text, and the same for images) yourself")
                }
                continue
            }
            do { try AtomicFile.write(Data(file.contents.utf8), to: url, links: .replace) }
            catch { throw .output(OutputError(path: file.path, problem: error.problem)) }
            if file.executable, chmod(url.path, 0o755) != 0 {
                throw .cannotWrite(path: file.path, reason: String(cString: strerror(errno)))
            }
            result.created.append(file.path)
        }
        try configureHooks(into: &result)
        if try gitOutput(["config", "diff.vnplan.textconv"]) != RepositoryTemplate.diffDriver {
            try git(["config", "diff.vnplan.textconv", RepositoryTemplate.diffDriver])
        }
        if lfs { try installLargeFileStorage(into: &result) }
        return result
    }

    private func configureHooks(into result: inout Initialization) throws(RepositoryError) {
        let hooksPath = try gitOutput(["config", "core.hooksPath"])
        switch hooksPath {
        case nil:
            try git(["config", "core.hooksPath", ".githooks"])
            let gitDirectory = try gitOutput(["rev-parse", "--git-common-dir"]) ?? ".git"
            let previous = URL(fileURLWithPath: gitDirectory, relativeTo: root).appendingPathComponent("hooks/pre-commit")
            if FileManager.default.isExecutableFile(atPath: previous.path) {
                result.notes.append("the existing \(gitDirectory)/hooks/pre-commit still runs: .githooks/pre-commit runs it first, then validates the plans")
            }
        case ".githooks"?:
            break
        case let other?:
            result.notes.append("core.hooksPath is \(other) and was kept, so .githooks/pre-commit does not run; "
                                + "call it from \(other)/pre-commit, or run git config core.hooksPath .githooks")
        }
    }

    private func installLargeFileStorage(into result: inout Initialization) throws(RepositoryError) {
        guard (try? gitOutput(["lfs", "version"])) != nil else {
            result.notes.append("git-lfs is not installed: the LFS attributes are written and take effect once it is "
                                + "(apt install git-lfs, then git lfs install --local)")
            return
        }
        try git(["lfs", "install", "--local"])
    }

    /// A git command's first line of output; nil when it prints nothing or fails (an unset
    /// configuration key).
    private func gitOutput(_ arguments: [String]) throws(RepositoryError) -> String? {
        let output = try runGit(arguments)
        guard output.status == 0 else { return nil }
        let line = output.standardOutput.split(separator: "\n").first.map(String.init)
        return line?.isEmpty == false ? line : nil
    }

    private func git(_ arguments: [String]) throws(RepositoryError) {
        let output = try runGit(arguments)
        guard output.status == 0 else {
            throw .cannotWrite(path: root.path, reason: "git \(arguments.joined(separator: " ")) failed: \(output.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    private func runGit(_ arguments: [String]) throws(RepositoryError) -> (status: Int32, standardOutput: String, errors: String) {
        let output = try Git(root: root).run(arguments)
        return (output.status, String(decoding: output.standardOutput, as: UTF8.self), output.errors)
    }
}
