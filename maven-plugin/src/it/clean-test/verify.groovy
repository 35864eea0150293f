// The synchronized twin passes, and not because nothing was checked: the agent ran and check read its report.
def jvmReports = { String dir -> (new File(basedir, dir).listFiles() ?: []).findAll { it.name ==~ /jvm-[0-9]+/ }.collect { new File(it, 'threadcheck-report.json') }.findAll { it.isFile() } }
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
expect('report(s) under')
expect(', 0 data race(s)')
assert !log.contains('data race on ') : 'a race was reported on the synchronized twin'
assert jvmReports('target/threadcheck/default').size() == 1 : 'expected one report, in target/threadcheck/default/jvm-<pid>/'
true
