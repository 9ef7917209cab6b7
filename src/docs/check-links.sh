#!/bin/sh
# Checks the links of README.md and src/docs/*.md: every relative link must name a file (or folder) inside
# the repository, and its #anchor, if any, a heading of that file. Links that leave the repository
# (../shared, absolute paths, http(s) addresses) are refused. Run from anywhere: sh src/docs/check-links.sh
cd "$(dirname "$0")/../.." || exit 2
root=$(pwd -P)
status=0

slug() { # GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens
    printf '%s\n' "$1" | tr 'A-Z' 'a-z' | sed -e 's/[^a-z0-9 _-]//g' -e 's/ /-/g'
}

for file in README.md src/docs/*.md; do
    dir=$(dirname "$file")
    # every ](target) on every line, with its line number; code spans do not hold links in these files
    grep -n -o ']([^)]*)' "$file" | while IFS= read -r hit; do
        line=${hit%%:*}
        target=${hit#*:](}
        target=${target%)}
        where="$file:$line: ($target)"
        case "$target" in
            *../shared*) echo "$where points outside the repository (../shared)"; echo x >> "$root/.linkfail.$$"; continue ;;
            /*)          echo "$where is an absolute path"; echo x >> "$root/.linkfail.$$"; continue ;;
            http://*|https://*|mailto:*) echo "$where leaves the repository"; echo x >> "$root/.linkfail.$$"; continue ;;
        esac
        path=${target%%#*}
        anchor=
        case "$target" in *#*) anchor=${target#*#} ;; esac
        if [ -z "$path" ]; then resolved=$file; else resolved=$dir/$path; fi
        if [ ! -e "$resolved" ]; then
            echo "$where: no such file"; echo x >> "$root/.linkfail.$$"; continue
        fi
        real=$(cd "$(dirname "$resolved")" && pwd -P)
        case "$real/" in
            "$root"/*) ;;
            *) echo "$where resolves outside the repository"; echo x >> "$root/.linkfail.$$"; continue ;;
        esac
        if [ -n "$anchor" ]; then
            found=no
            grep '^#' "$resolved" | sed 's/^#* *//' > "$root/.headings.$$"
            while IFS= read -r heading; do
                [ "$(slug "$heading")" = "$anchor" ] && found=yes && break
            done < "$root/.headings.$$"
            rm -f "$root/.headings.$$"
            [ $found = yes ] || { echo "$where: no heading for #$anchor"; echo x >> "$root/.linkfail.$$"; }
        fi
    done
done

if [ -s "$root/.linkfail.$$" ]; then
    status=1
    echo "$(wc -l < "$root/.linkfail.$$") bad link(s)"
else
    echo "every link in README.md and src/docs/*.md resolves inside the repository"
fi
rm -f "$root/.linkfail.$$"
# README must not even mention the shared folder outside the repository
if grep -n '\.\./shared' README.md; then echo "README.md mentions ../shared"; status=1; fi
exit $status
