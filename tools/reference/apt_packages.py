"""Installs the Debian packages a reference script needs, for /usr/bin/python3 (PyPI is not reachable here)."""
import importlib.util
import os
import subprocess


def ensure_packages(packages):
    """Installs with apt-get the packages (module name -> Debian package) whose module cannot be imported."""
    missing = [deb for mod, deb in packages.items() if importlib.util.find_spec(mod) is None]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.check_call(sudo + ["apt-get", "install", "-y", "-qq"] + missing,
                              env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
