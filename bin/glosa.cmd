@echo off
rem glosa command line launcher (Windows, for Task Scheduler).
rem Runs the jar built by "mvnw.cmd -q -B package -DskipTests".
rem Environment: JAVA_HOME (optional), GLOSA_JAVA_OPTS (extra JVM options, e.g. -Xmx4g).
rem No %VAR% inside a parenthesised block: cmd expands it when the block is read, and a ")" in the value (as in
rem "C:\Program Files (x86)\glosa") ends the block early. Each step is a single line or a goto instead;
rem GlosaCmdLauncherTests checks this.
setlocal
set "ROOT=%~dp0.."
set "JAR=%ROOT%\glosa-cli\target\glosa.jar"
if exist "%JAR%" goto run
echo glosa: "%JAR%" not found; build it first with: mvnw.cmd -q -B package -DskipTests 1>&2
exit /b 2
:run
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
rem --add-modules: the k-means engine's Vector API path (same results, faster).
"%JAVA%" --add-modules jdk.incubator.vector %GLOSA_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
