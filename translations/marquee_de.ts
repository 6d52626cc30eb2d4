<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EventFormat</name>
    <message>
        <source>Free</source>
        <translation>Kostenlos</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>price range</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Marquee event client</source>
        <translation>Marquee-Veranstaltungsclient</translation>
    </message>
    <message>
        <source>Sync server URL (remembered).</source>
        <translation>URL des Sync-Servers (wird gespeichert).</translation>
    </message>
    <message>
        <source>User interface language: de, fr or en.</source>
        <translation>Sprache der Oberfläche: de, fr oder en.</translation>
    </message>
    <message>
        <source>Directory for the local cache.</source>
        <translation>Verzeichnis für den lokalen Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Marquee</source>
        <translation>Marquee</translation>
    </message>
    <message>
        <source>The local cache could not be opened:
%1</source>
        <translation>Der lokale Zwischenspeicher konnte nicht geöffnet werden:
%1</translation>
    </message>
</context>
<context>
    <name>marquee::client::AccountService</name>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Geben Sie eine gültige E-Mail-Adresse ein.</translation>
    </message>
    <message numerus="yes">
        <source>The password is too weak: use at least %n characters.</source>
        <translation>
            <numerusform>Das Passwort ist zu schwach: Verwenden Sie mindestens %n Zeichen.</numerusform>
            <numerusform>Das Passwort ist zu schwach: Verwenden Sie mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong e-mail address or password.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>An account with this e-mail address already exists.</source>
        <translation>Zu dieser E-Mail-Adresse gibt es bereits ein Konto.</translation>
    </message>
    <message>
        <source>The server rejected the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check your connection and try again.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgegangen: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::CategoryModel</name>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
</context>
<context>
    <name>marquee::client::ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing… %1</source>
        <translation>Synchronisiere … %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>zuletzt synchronisiert %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>noch nie synchronisiert</translation>
    </message>
</context>
<context>
    <name>marquee::client::EventDetailWidget</name>
    <message>
        <source>Select an event to see its details.</source>
        <translation>Wählen Sie eine Veranstaltung aus, um die Details zu sehen.</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Preis:</translation>
    </message>
    <message>
        <source>Performers:</source>
        <translation>Mitwirkende:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>%1
until %2</source>
        <translation>%1
bis %2</translation>
    </message>
    <message>
        <source>%1
%2, %3</source>
        <translation>%1
%2, %3</translation>
    </message>
    <message>
        <source>Venue not known yet</source>
        <translation>Veranstaltungsort noch unbekannt</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>★ On your wishlist</source>
        <translation>★ Auf Ihrer Merkliste</translation>
    </message>
    <message>
        <source>☆ Add to wishlist</source>
        <translation>☆ Auf die Merkliste</translation>
    </message>
</context>
<context>
    <name>marquee::client::EventListModel</name>
    <message>
        <source>%1, %2</source>
        <comment>venue, city</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>marquee::client::LoginDialog</name>
    <message>
        <source>Marquee account</source>
        <translation>Marquee-Konto</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
</context>
<context>
    <name>marquee::client::MainWindow</name>
    <message>
        <source>Marquee</source>
        <translation>Marquee</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>Registrieren …</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Wishlist only</source>
        <translation>Nur Merkliste</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung</numerusform>
            <numerusform>%n Veranstaltungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Wishlist</source>
        <translation>Merkliste</translation>
    </message>
    <message>
        <source>Local cache error: %1</source>
        <translation>Fehler im lokalen Zwischenspeicher: %1</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Log in to keep a wishlist.</source>
        <translation>Melden Sie sich an, um eine Merkliste zu führen.</translation>
    </message>
</context>
<context>
    <name>marquee::client::WishlistService</name>
    <message>
        <source>Log in to keep a wishlist.</source>
        <translation>Melden Sie sich an, um eine Merkliste zu führen.</translation>
    </message>
    <message>
        <source>The wishlist could not be saved: %1</source>
        <translation>Die Merkliste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>This event no longer exists, so the wishlist change was undone.</source>
        <translation>Diese Veranstaltung gibt es nicht mehr; die Änderung der Merkliste wurde zurückgenommen.</translation>
    </message>
    <message>
        <source>You may not change this wishlist; the change was undone.</source>
        <translation>Sie dürfen diese Merkliste nicht ändern; die Änderung wurde zurückgenommen.</translation>
    </message>
    <message>
        <source>The server refused the wishlist change; it was undone.</source>
        <translation>Der Server hat die Änderung der Merkliste abgelehnt; sie wurde zurückgenommen.</translation>
    </message>
</context>
</TS>
