"""Synthetic LinkedIn archives, built here from the formats LinkedIn writes, quirks included:
the notes before the Connections.csv header, a row holding only a date, CRLF endings, older file
and column names (`Search Queries.csv`, `Messages.csv`, `SharedURL`), a repeated search and
multi-line quoted fields. No real person's data: every name is made up."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

Files = dict[str, str | bytes]
MakeArchive = Callable[..., Path]

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    ' connections to see or download their email address."\n'
    "\n"
)


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


EXPORT: Files = {
    "Profile.csv": (
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
        "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
        "Ada,Lovelace,,,,Analyst at Acme Corp,,Software,,Paris,,,\n"
    ),
    "Positions.csv": (
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        'Acme Corp,Analyst,"Engines,\nmostly analytical",Paris,Jan 2022,\n'
        "Difference Ltd,Intern,,London,Mar 2019,Dec 2021\n"
    ),
    # CRLF endings, the notes preamble, a row with only a date, a URL with a trailing slash
    "Connections.csv": crlf(
        NOTES
        + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,Acme Corp,Admiral,20 Mar 2024\n"
        "Alan,Turing,https://www.linkedin.com/in/alan-turing/,,Bletchley,Analyst,05 Apr 2024\n"
        "Linus,Tor,https://www.linkedin.com/in/Linus-Tor,,ACME  corp ,Kernel,10 Apr 2024\n"
        ",,,,,,01 Jan 2023\n"
        "Old,Friend,https://www.linkedin.com/in/old-friend,,Difference Ltd,Clerk,02 Feb 2020\n"
    ),
    "Invitations.csv": (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        'Ada Lovelace,Alan Turing,"3/12/24, 11:20 AM","Hello Alan,\nloved your paper",OUTGOING,'
        "https://www.linkedin.com/in/ada,https://www.linkedin.com/in/alan-turing\n"
        'Ada Lovelace,Linus Tor,"4/1/24, 9:05 PM",,OUTGOING,'
        "https://www.linkedin.com/in/ada,http://linkedin.com/in/linus-tor/\n"
        'Ada Lovelace,Nobody Yet,"4/2/24, 8:00 AM",,OUTGOING,'
        "https://www.linkedin.com/in/ada,https://www.linkedin.com/in/nobody-yet\n"
        'Some Recruiter,Ada Lovelace,"4/3/24, 10:00 AM",Hi!,INCOMING,'
        "https://www.linkedin.com/in/recruiter,https://www.linkedin.com/in/ada\n"
    ),
    "Comments.csv": (
        "Date,Link,Message\n"
        '2024-03-20 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,"Great post!\n'
        'Second line, with a comma and ""quotes"""\n'
        "2024-03-20 18:00:00,https://www.linkedin.com/feed/update/urn:li:activity:2,Agreed\n"
        "2024-03-21 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:3,Thanks\n"
    ),
    # 02:30 UTC on 30 March is 03:30 in Paris: before the 4 a.m. day start, so the 29th
    "Reactions.csv": crlf(
        "Date,Type,Link\n"
        "2024-03-17 18:03:38,APPRECIATION,https://www.linkedin.com/feed/update/urn:li:ugcPost:7\n"
        "2024-03-17 18:04:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:8\n"
        "2024-03-30 02:30:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:9\n"
        "2024-03-30 12:00:00,EMPATHY,https://www.linkedin.com/feed/update/urn:li:activity:10\n"
    ),
    # the older spelling of the columns
    "Shares.csv": (
        "Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\n"
        '2024-03-18 08:00:00,https://www.linkedin.com/feed/update/urn:li:share:1,"My first post,\n'
        'on two lines",,,MEMBER_NETWORK\n'
        "2024-03-19 08:00:00,https://www.linkedin.com/feed/update/urn:li:share:2,Read this,"
        "https://example.org/article,,MEMBER_NETWORK\n"
        "2024-03-19 09:00:00,https://www.linkedin.com/feed/update/urn:li:share:3,,"
        "https://www.linkedin.com/feed/update/urn:li:activity:99,,MEMBER_NETWORK\n"
    ),
    # the older file name; one exact repeat (same time, same query)
    "Search Queries.csv": crlf(
        "Time,Search Query\n"
        "2024/03/20 08:00:00 UTC,data engineer\n"
        "2024/03/20 08:00:00 UTC,data engineer\n"
        "2024/03/20 09:00:00 UTC,data engineer\n"
        "2024/03/20 10:00:00 UTC,Grace Hopper\n"
        "2024/03/20 11:00:00 UTC,analytics\n"
        "2024/03/21 08:00:00 UTC,compilers\n"
        "2024/03/21 09:00:00 UTC,compilers\n"
    ),
    "Endorsement_Received_Info.csv": (
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
        "Endorser Public Url,Endorsement Status\n"
        "2024/03/21 02:06:52 UTC,Python,Grace,Hopper,www.linkedin.com/in/grace-hopper,ACCEPTED\n"
        "2024/03/22 12:00:00 UTC,SQL,Alan,Turing,www.linkedin.com/in/alan-turing,ACCEPTED\n"
    ),
    # the older file name; an InMail answered, one unanswered, one received, a plain chat
    "Messages.csv": (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n"
        "c1,,Ada Lovelace,https://www.linkedin.com/in/ada,Bob Babbage,,2024-03-20 15:09:26 UTC,"
        'Opportunity,"Hello Bob,\nwould you talk?",INMAIL,\n'
        "c1,,Bob Babbage,https://www.linkedin.com/in/bob,Ada Lovelace,,2024-03-22 09:00:00 UTC,"
        ",Sure,INBOX,\n"
        "c1,,Ada Lovelace,https://www.linkedin.com/in/ada,Bob Babbage,,2024-03-22 10:00:00 UTC,"
        ",Great,INBOX,\n"
        "c2,,Ada Lovelace,https://www.linkedin.com/in/ada,Carl Gauss,,2024-03-23 15:00:00 UTC,"
        "Hello,Hi Carl,INMAIL,\n"
        "c3,,Some Recruiter,https://www.linkedin.com/in/recruiter,Ada Lovelace,,"
        "2024-03-24 15:00:00 UTC,Job,A job for you,INMAIL,\n"
        "c4,,Grace Hopper,https://www.linkedin.com/in/grace-hopper,Ada Lovelace,,"
        "2024-03-25 15:00:00 UTC,,Lunch?,INBOX,\n"
        "c4,,Ada Lovelace,https://www.linkedin.com/in/ada,Grace Hopper,,"
        "2024-03-25 16:00:00 UTC,,Yes,INBOX,\n"
    ),
}
"""A complete little archive. What it should give (days in Europe/Paris, day start 4 a.m.):
colleague connections Grace (2024-03-20) and Linus (2024-04-10); 3 outgoing invitations (Alan
personalised, accepted 2024-04-05; Linus plain, accepted 2024-04-10; Nobody plain, pending);
comments 2 on 03-20 and 1 on 03-21; likes 2 on 03-17, 1 on 03-29, 1 on 03-30; posts on 03-18
and 03-19, a reshare on 03-19; searches 4 on 03-20 and 2 on 03-21; endorsements 03-20 (02:06
UTC is 03:06 in Paris, before the day start) and 03-22; InMail sent 03-20 and 03-23, one reply
03-22; network size 5."""


@pytest.fixture
def export_files() -> Files:
    return dict(EXPORT)


@pytest.fixture
def make_archive(tmp_path: Path) -> MakeArchive:
    """make_archive(files, as_zip=True, name="export") → the path of a zip or a folder."""
    counter = iter(range(1_000_000))

    def make(files: Files, as_zip: bool = True, name: str | None = None) -> Path:
        stem = name or f"export-{next(counter)}"
        if as_zip:
            target = tmp_path / f"{stem}.zip"
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
                for member, content in files.items():
                    data = content.encode("utf-8") if isinstance(content, str) else content
                    archive.writestr(member, data)
            return target
        folder = tmp_path / stem
        folder.mkdir()
        for member, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / member).write_bytes(data)
        return folder

    return make
