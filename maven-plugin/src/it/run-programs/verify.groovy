// build.log holds the three builds in turn.
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
def run = { String cls -> new File(basedir, 'target/threadcheck/run/' + cls) }
// 1: every main class of the package ran under the agent, each with its own report.
expect('threadcheck: it.RacyMain: exit code 0 in ')
expect('threadcheck: it.CleanMain: exit code 0 in ')
assert !log.contains('threadcheck: it.Helper') : 'a class without main was run'
assert new File(run('it.RacyMain'), 'threadcheck-report.json').isFile()
assert new File(run('it.CleanMain'), 'threadcheck-report.json').isFile()
assert new File(run('it.RacyMain'), 'stdout.txt').text == 'done\n'
def props = new Properties()
new File(run('it.RacyMain'), 'program.properties').withInputStream { props.load(it) }
assert props.exitCode == '0' && props.timedOut == 'false'
def clean = new groovy.json.JsonSlurper().parse(new File(run('it.CleanMain'), 'threadcheck-report.json'))
assert clean.races.isEmpty() && clean.run.threads >= 2
expect('RacyMain.java:9: data race on it.RacyMain.hits: ')
expect('threadcheck: 1 data race(s) found (failOnRace)')
// 2: the arguments reached the program.
assert new File(run('it.Echo'), 'stdout.txt').text == 'one two\n'
expect('threadcheck: it.Echo one two: exit code 0 in ')
// 3: killed at the timeout, and said so.
expect('threadcheck: it.Hangs: killed after 3 s')
expect('threadcheck: 1 program(s) did not finish within 3 s and were killed: it.Hangs')
def hung = new Properties()
new File(run('it.Hangs'), 'program.properties').withInputStream { hung.load(it) }
assert hung.timedOut == 'true'
true
