// Load Pyodide offline from node_modules, copy the job into its file system, run driver.py.
//   node run.mjs WORKDIR      (WORKDIR holds main.py, job.json, files/*.xlsx; out/ is written)
// Prints the driver's JSON on stdout; the Python files written to /work/out are copied back.
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const work = process.argv[2];
const t0 = performance.now();
const py = await loadPyodide({ packages: [], stdout: (s) => process.stderr.write(s + "\n") });
const tLoad = performance.now() - t0;

const FS = py.FS;
FS.mkdirTree("/work/files");
FS.mkdirTree("/work/xlwings");
FS.writeFile("/work/main.py", fs.readFileSync(path.join(work, "main.py")));
FS.writeFile("/work/job.json", fs.readFileSync(path.join(work, "job.json")));
FS.writeFile("/work/xlwings/__init__.py", fs.readFileSync(path.join(here, "xlwings_standin.py")));
// Packages xlwings Lite would install from requirements.txt (copied in by the test: offline).
function copyTree(from, to) {
  FS.mkdirTree(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) copyTree(src, `${to}/${entry.name}`);
    else FS.writeFile(`${to}/${entry.name}`, fs.readFileSync(src));
  }
}
if (fs.existsSync(path.join(work, "site"))) {
  copyTree(path.join(work, "site"), "/work/site");
  py.runPython("import sys; sys.path.insert(0, '/work/site')");
}
for (const name of fs.readdirSync(path.join(work, "files"))) {
  FS.writeFile(`/work/files/${name}`, fs.readFileSync(path.join(work, "files", name)));
}
py.runPython(fs.readFileSync(path.join(here, "driver.py"), "utf8"), { filename: "driver.py" });
const text = await py.globals.get("run")();
const result = JSON.parse(text);
result.seconds.load_pyodide = tLoad / 1000;
fs.mkdirSync(path.join(work, "out"), { recursive: true });
for (const name of FS.readdir("/work/out")) {
  if (name === "." || name === "..") continue;
  fs.writeFileSync(path.join(work, "out", name), FS.readFile(`/work/out/${name}`));
}
process.stdout.write(JSON.stringify(result));
