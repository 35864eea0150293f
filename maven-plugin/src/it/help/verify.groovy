def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('threadcheck:prepare-agent')
expect('threadcheck:check')
expect('threadcheck:prepare-agent-integration')
expect('threadcheck:report')
expect('threadcheck:baseline')
expect('suppressionsFile')
expect('threadcheck:help')
expect('failOnRace')
expect('maxFindings')
expect('propertyName')
true
