// Two JVMs found the same race: the merged report in target/site/threadcheck lists it once,
// with both JVMs' counts and threads added; baseline wrote it down without line numbers.
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
def perJvm = (new File(basedir, 'target/threadcheck/default').listFiles() ?: []).findAll { it.name ==~ /jvm-[0-9]+/ }
assert perJvm.size() == 2 : 'expected a report per test JVM: ' + perJvm
def slurper = new groovy.json.JsonSlurper()
def counts = perJvm.collect { slurper.parse(new File(it, 'threadcheck-report.json')).races.sum { r -> r.count } }
def merged = new File(basedir, 'target/site/threadcheck/threadcheck-report.json')
assert merged.isFile() : 'no merged report at ' + merged
def json = slurper.parse(merged)
assert json.schema == 'threadcheck-report/1'
assert json.races.size() == 1 : json.races
assert json.races[0].variable == 'it.Shared.hits'
assert json.races[0].count == counts.sum()
assert json.run.threads == perJvm.collect { slurper.parse(new File(it, 'threadcheck-report.json')).run.threads }.sum()
assert new File(basedir, 'target/site/threadcheck/threadcheck-report.txt').text.contains('it.Shared.hits')
expect(' (2 report(s) merged into ')
def baseline = new File(basedir, 'threadcheck-baseline.txt').readLines().findAll { !it.startsWith('#') }
assert baseline == ['race it.Shared.hits it.Shared.bump it.Shared.bump'] : baseline
true
