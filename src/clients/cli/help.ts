export const HELP = `Usage: postmortem-lint [options] [path | glob ...]

  Lint incident postmortems written in Markdown (.md, .markdown). Folders are
  searched (node_modules is skipped). With no configuration the recommended
  preset of remark-preset-lint-postmortem is used; a .remarkrc* file or a
  "remarkConfig" field in package.json, when found, is used instead.
  Files are never written to, except with --fix.

Options:

      --fix                      apply the fixes that messages carry, in place
      --require-postmortem       check every file as a postmortem (by default a file
                                 with nothing of a postmortem gets one message)
      --template <file|name>     check against the team's template (a Markdown file,
                                 or google-sre, atlassian, pagerduty): its sections,
                                 their order, its fields and its own text
      --init [name]              write a built-in template (default: google-sre) as
                                 postmortem-template.md and a .remarkrc.json using it
      --force                    let --init replace existing files
      --max-size <bytes>         files larger than this get one error and are not
                                 checked in depth (default: 5242880, 5 MB)
      --max-parse-memory <bytes> files the Markdown parser would need more memory
                                 for get one error (default: 1073741824, 1 GB)
      --cache                    take the messages of unchanged files from a cache
      --cache-location <path>    the cache file, or a folder for it (default:
                                 node_modules/.cache/postmortem-lint/)
  -f, --frail                    exit with 1 on warnings too
  -q, --quiet                    output only warnings and errors
  -S, --silent                   output only errors
      --report <reporter>        json, github, sarif, or a vfile-reporter-* package
                                 (json, github and sarif go to stdout, others to stderr)
  -e, --ext <extensions>         extensions to lint in folders (default: md,markdown)
  -r, --rc-path <path>           use this configuration file
      --no-config                do not look for configuration files (use the preset)
  -i, --ignore-path <path>       use this ignore file (default: .remarkignore files)
      --ignore-pattern <globs>   ignore these files
      --no-ignore                do not look for ignore files
      --silently-ignore          do not fail when given ignored files
  -u, --use <plugins>            use more remark plugins
  -s, --setting <settings>       remark settings
      --file-path <path>         path of the document read from stdin
      --verbose                  report notes of messages
      --[no-]color               color in the report (default: when a terminal)
  -h, --help                     output usage information
  -v, --version                  output version number

Exit status: 1 when a file has an error, or a warning with --frail, or when
the command is wrong; 0 otherwise.

Examples:

  # Lint the postmortems in a folder
  $ postmortem-lint docs/postmortems

  # Fail on warnings too, as in CI
  $ postmortem-lint --frail "postmortems/**/*.md"

  # Annotate a pull request in GitHub Actions
  $ postmortem-lint --report github docs/postmortems
`
