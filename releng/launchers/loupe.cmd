@echo off
rem Loupe launcher for Windows, in the product folder of the Windows archive (built, not tested: see README).
rem   loupe plugins | enhance ... | demo ...   the headless command line
rem   loupe workbench                          the graphical workbench
rem Environment: LOUPE_HOME (default %USERPROFILE%\.loupe), LOUPE_JAVA_OPTS (extra JVM options).
setlocal
set "here=%~dp0"
if "%LOUPE_HOME%"=="" set "LOUPE_HOME=%USERPROFILE%\.loupe"
set "launcher="
for %%f in ("%here%plugins\org.eclipse.equinox.launcher_*.jar") do set "launcher=%%~ff"
if "%launcher%"=="" (
  echo loupe: no Loupe product in %here% 1>&2
  exit /b 1
)
set "vm=--add-opens=java.base/java.lang=ALL-UNNAMED --add-modules=jdk.incubator.vector -Dorg.osgi.framework.system.packages.extra=jdk.incubator.vector -Dloupe.home=%LOUPE_HOME% -Dloupe.user.area=%LOUPE_HOME%\state\plugins -Dorg.bytedeco.javacpp.cachedir=%LOUPE_HOME%\cache\javacpp -Dosgi.sharedConfiguration.area=%here%configuration"
if /I "%~1"=="workbench" (
  java %vm% %LOUPE_JAVA_OPTS% -jar "%launcher%" -nosplash -configuration "%LOUPE_HOME%\state\workbench" -data "%LOUPE_HOME%\workspace" -application org.eclipse.e4.ui.workbench.swt.E4Application -product org.loupe.ui.app.product -clearPersistedState
) else (
  java %vm% -Djava.awt.headless=true %LOUPE_JAVA_OPTS% -jar "%launcher%" -nosplash -configuration "%LOUPE_HOME%\state\cli" -data @none -application org.loupe.cli.headless %*
)
exit /b %ERRORLEVEL%
