"""The one error the team targets raise: a one-line message naming the option at fault."""


class TeamError(Exception):
    """A target that cannot be used (missing folder, refused connection, missing rights);
    the command line prints it on one line and exits 1."""


class TeamInputError(TeamError):
    """A bad value given by the user (a name, a target): exit 2, nothing written."""
