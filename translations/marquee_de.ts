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
    <name>LayoutCommands</name>
    <message>
        <source>Add area “%1”</source>
        <translation>Bereich „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Add standing area “%1”</source>
        <translation>Stehbereich „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Edit area “%1”</source>
        <translation>Bereich „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Rows can only be added to a seated area.</source>
        <translation>Reihen können nur zu einem Sitzplatzbereich hinzugefügt werden.</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n seat(s)</source>
        <translation>
            <numerusform>%n Platz erzeugen</numerusform>
            <numerusform>%n Plätze erzeugen</numerusform>
        </translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Tisch %1</translation>
    </message>
    <message>
        <source>Add table %1</source>
        <translation>Tisch %1 hinzufügen</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n seat(s)</source>
        <translation>
            <numerusform>%n Platz löschen</numerusform>
            <numerusform>%n Plätze löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n area(s)</source>
        <translation>
            <numerusform>%n Bereich löschen</numerusform>
            <numerusform>%n Bereiche löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renumber %n row(s)</source>
        <translation>
            <numerusform>%n Reihe neu nummerieren</numerusform>
            <numerusform>%n Reihen neu nummerieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign price category</source>
        <translation>Preiskategorie zuweisen</translation>
    </message>
    <message>
        <source>Set seat flag</source>
        <translation>Platzmerkmal setzen</translation>
    </message>
    <message>
        <source>Clear seat flag</source>
        <translation>Platzmerkmal entfernen</translation>
    </message>
    <message>
        <source>Rename row to %1</source>
        <translation>Reihe in %1 umbenennen</translation>
    </message>
    <message>
        <source>Renumber seat to %1</source>
        <translation>Platz in %1 umnummerieren</translation>
    </message>
    <message>
        <source>Add price category “%1”</source>
        <translation>Preiskategorie „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Edit price category “%1”</source>
        <translation>Preiskategorie „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Remove price category</source>
        <translation>Preiskategorie entfernen</translation>
    </message>
    <message>
        <source>Set focal point</source>
        <translation>Blickpunkt festlegen</translation>
    </message>
    <message>
        <source>Remove background image</source>
        <translation>Hintergrundbild entfernen</translation>
    </message>
    <message>
        <source>Set background image</source>
        <translation>Hintergrundbild festlegen</translation>
    </message>
</context>
<context>
    <name>LayoutEditorWindow</name>
    <message>
        <source>New seat map</source>
        <translation>Neuer Saalplan</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Bühne</translation>
    </message>
</context>
<context>
    <name>LeaseTexts</name>
    <message numerus="yes">
        <source>Lease ready: %n seat(s) can be sold offline.</source>
        <translation>
            <numerusform>Kontingent bereit: %n Platz kann offline verkauft werden.</numerusform>
            <numerusform>Kontingent bereit: %n Plätze können offline verkauft werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lease closed: its unsold seats are back in general sale.</source>
        <translation>Kontingent geschlossen: Die unverkauften Plätze sind wieder im freien Verkauf.</translation>
    </message>
    <message>
        <source>This device has no lease for this event. Lease seats while online to keep selling when the network drops.</source>
        <translation>Dieses Gerät hat kein Kontingent für diese Veranstaltung. Legen Sie online ein Platzkontingent an, um auch bei einem Netzausfall weiter verkaufen zu können.</translation>
    </message>
    <message>
        <source>%1 of %2 leased seats left for offline sales.</source>
        <translation>%1 von %2 Kontingentplätzen für den Offline-Verkauf übrig.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 — %4</source>
        <translation>%1 · %2 · %3 — %4</translation>
    </message>
</context>
<context>
    <name>PriceCategoryCombo</name>
    <message>
        <source>No category</source>
        <translation>Keine Kategorie</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>PrintText</name>
    <message>
        <source>The PDF folder "%1" cannot be used.</source>
        <translation>Der PDF-Ordner „%1“ kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The printer "%1" is not available.</source>
        <translation>Der Drucker „%1“ ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The order could not be read.</source>
        <translation>Die Bestellung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This order has no tickets yet.</source>
        <translation>Diese Bestellung enthält noch keine Tickets.</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Tickets %1</translation>
    </message>
    <message>
        <source>Printing the tickets could not start.</source>
        <translation>Der Ticketdruck konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The tickets could not be printed.</source>
        <translation>Die Tickets konnten nicht gedruckt werden.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
    <message>
        <source>Printing the receipt could not start.</source>
        <translation>Der Belegdruck konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The receipt could not be printed.</source>
        <translation>Der Beleg konnte nicht gedruckt werden.</translation>
    </message>
    <message>
        <source>Printing could not start.</source>
        <translation>Der Druck konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The document could not be printed.</source>
        <translation>Das Dokument konnte nicht gedruckt werden.</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card (terminal)</source>
        <translation>Karte (Terminal)</translation>
    </message>
    <message>
        <source>Card (online)</source>
        <translation>Karte (online)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Marquee</source>
        <translation>Marquee</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Booking fees</source>
        <translation>Buchungsgebühren</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>GESAMT</translation>
    </message>
    <message>
        <source>Included tax</source>
        <translation>Enthaltene Steuern</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Bezahlt mit</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>•••• %1</source>
        <translation>•••• %1</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Gegeben</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Bestellung storniert</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft am</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt am</translation>
    </message>
    <message>
        <source>Thank you and enjoy the show!</source>
        <translation>Vielen Dank und viel Vergnügen bei der Vorstellung!</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
</context>
<context>
    <name>SeatMap</name>
    <message>
        <source>Seat map: %1</source>
        <translation>Saalplan: %1</translation>
    </message>
    <message>
        <source>Arrow keys move between seats, Enter or Space selects, plus and minus zoom.</source>
        <translation>Pfeiltasten wechseln zwischen Plätzen, Eingabe oder Leertaste wählt aus, Plus und Minus zoomen.</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 Plätze</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation>Noch %1 von %2</translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation>%1 Plätze</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Held by you</source>
        <translation>Von Ihnen vorgemerkt</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Leased to a box office</source>
        <translation>Kontingent einer Vorverkaufsstelle</translation>
    </message>
</context>
<context>
    <name>SeatingService</name>
    <message>
        <source>The stored seat map is damaged.</source>
        <translation>Der gespeicherte Saalplan ist beschädigt.</translation>
    </message>
    <message>
        <source>The stored seat map cannot be read: %1</source>
        <translation>Der gespeicherte Saalplan kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>TicketPdfText</name>
    <message>
        <source>This order has no tickets yet.</source>
        <translation>Diese Bestellung enthält noch keine Tickets.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Tickets %1</translation>
    </message>
</context>
<context>
    <name>TicketVerifierText</name>
    <message>
        <source>Valid ticket</source>
        <translation>Gültiges Ticket</translation>
    </message>
    <message>
        <source>This is not a Marquee ticket code.</source>
        <translation>Dies ist kein Marquee-Ticketcode.</translation>
    </message>
    <message>
        <source>This ticket was signed with a key this device does not know yet. Connect to sync the keys, then scan it again.</source>
        <translation>Dieses Ticket wurde mit einem Schlüssel signiert, den dieses Gerät noch nicht kennt. Stellen Sie eine Verbindung her, um die Schlüssel zu synchronisieren, und scannen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Invalid ticket: the code was altered or forged.</source>
        <translation>Ungültiges Ticket: Der Code wurde verändert oder gefälscht.</translation>
    </message>
    <message>
        <source>Invalid ticket: it is dated after its signing key was retired.</source>
        <translation>Ungültiges Ticket: Es ist auf einen Zeitpunkt nach der Stilllegung seines Signaturschlüssels datiert.</translation>
    </message>
    <message>
        <source>Invalid ticket: it was signed by a box-office device whose certificate does not check out.</source>
        <translation>Ungültiges Ticket: Es wurde von einem Kassengerät signiert, dessen Zertifikat die Prüfung nicht besteht.</translation>
    </message>
    <message>
        <source>Invalid ticket: it was issued after its box-office device's certificate ran out.</source>
        <translation>Ungültiges Ticket: Es wurde nach Ablauf des Zertifikats seines Kassengeräts ausgestellt.</translation>
    </message>
    <message>
        <source>Invalid ticket: it was signed by a box-office device that has been revoked, and its sale was not confirmed before the revocation.</source>
        <translation>Ungültiges Ticket: Es wurde von einem gesperrten Kassengerät signiert, und sein Verkauf wurde vor der Sperrung nicht bestätigt.</translation>
    </message>
</context>
<context>
    <name>TicketViews</name>
    <message>
        <source>Ticket %1, %2</source>
        <translation>Ticket %1, %2</translation>
    </message>
    <message>
        <source>The order could not be read.</source>
        <translation>Die Bestellung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Tickets %1.pdf</source>
        <translation>Tickets %1.pdf</translation>
    </message>
    <message>
        <source>Save tickets as PDF</source>
        <translation>Tickets als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
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
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>core::tickets</name>
    <message>
        <source>TICKET</source>
        <translation>TICKET</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>VOID</source>
        <comment>stamp across a cancelled ticket</comment>
        <translation>UNGÜLTIG</translation>
    </message>
    <message>
        <source>This ticket is no longer valid.</source>
        <translation>Dieses Ticket ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Show this code at the entrance</source>
        <translation>Zeigen Sie diesen Code am Einlass vor</translation>
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
    <message>
        <source>Full-screen self-service kiosk (staff PIN to leave).</source>
        <translation>Selbstbedienungskiosk im Vollbild (Verlassen nur mit Personal-PIN).</translation>
    </message>
    <message>
        <source>Read a new kiosk staff PIN (4 to 12 digits) from standard input and exit.</source>
        <translation>Neue Personal-PIN für den Kiosk (4 bis 12 Ziffern) von der Standardeingabe lesen und beenden.</translation>
    </message>
    <message>
        <source>A kiosk PIN has 4 to 12 digits; nothing was changed.</source>
        <translation>Eine Kiosk-PIN hat 4 bis 12 Ziffern; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The PIN could not be saved to %1.</source>
        <translation>Die PIN konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Kiosk staff PIN saved (Argon2id hash) in %1.</source>
        <translation>Personal-PIN für den Kiosk in %1 gespeichert (Argon2id-Hash).</translation>
    </message>
    <message>
        <source>Set the kiosk staff PIN first:
echo 1234 | marquee --set-kiosk-pin</source>
        <translation>Legen Sie zuerst die Personal-PIN für den Kiosk fest:
echo 1234 | marquee --set-kiosk-pin</translation>
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
    <name>marquee::client::AddTableDialog</name>
    <message>
        <source>Add Table</source>
        <translation>Tisch hinzufügen</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>Table label:</source>
        <translation>Tischbezeichnung:</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Plätze:</translation>
    </message>
    <message>
        <source>Table radius:</source>
        <translation>Tischradius:</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Preiskategorie:</translation>
    </message>
    <message>
        <source>Give the table a label.</source>
        <translation>Geben Sie dem Tisch eine Bezeichnung.</translation>
    </message>
</context>
<context>
    <name>marquee::client::BookingPanel</name>
    <message>
        <source>Hold selected seats</source>
        <translation>Ausgewählte Plätze vormerken</translation>
    </message>
    <message>
        <source>Or let us pick the best seats together:</source>
        <translation>Oder lassen Sie uns die besten zusammenhängenden Plätze auswählen:</translation>
    </message>
    <message>
        <source>Number of seats</source>
        <translation>Anzahl der Plätze</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Preiskategorie</translation>
    </message>
    <message>
        <source>Find seats</source>
        <translation>Plätze suchen</translation>
    </message>
    <message>
        <source>Holding seats…</source>
        <translation>Plätze werden vorgemerkt …</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Beliebige Kategorie</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Standing: %1</source>
        <translation>Stehplätze: %1</translation>
    </message>
    <message>
        <source>Log in to book seats.</source>
        <translation>Melden Sie sich an, um Plätze zu buchen.</translation>
    </message>
    <message>
        <source>Offline: seats can be booked when the connection is back.</source>
        <translation>Offline: Plätze können gebucht werden, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
</context>
<context>
    <name>marquee::client::BookingService</name>
    <message>
        <source>The payment provider could not be reached. Your seats stay held; try again.</source>
        <translation>Der Zahlungsanbieter ist nicht erreichbar. Ihre Plätze bleiben vorgemerkt; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The payment provider refused the request. Please try again later.</source>
        <translation>Der Zahlungsanbieter hat die Anfrage abgelehnt. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The payment was declined and the seats were released. Pick seats again to retry.</source>
        <translation>Die Zahlung wurde abgelehnt und die Plätze wurden freigegeben. Wählen Sie erneut Plätze aus, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Your hold has expired and the seats were released. Pick seats again.</source>
        <translation>Ihre Vormerkung ist abgelaufen und die Plätze wurden freigegeben. Wählen Sie erneut Plätze aus.</translation>
    </message>
    <message>
        <source>Log in to book seats.</source>
        <translation>Melden Sie sich an, um Plätze zu buchen.</translation>
    </message>
    <message>
        <source>You are offline. Seats can be held only while connected.</source>
        <translation>Sie sind offline. Plätze können nur mit bestehender Verbindung vorgemerkt werden.</translation>
    </message>
    <message>
        <source>You are offline: the hold cannot be extended now.</source>
        <translation>Sie sind offline: Die Vormerkung kann jetzt nicht verlängert werden.</translation>
    </message>
    <message>
        <source>You are offline: the offered seats cannot be booked now.</source>
        <translation>Sie sind offline: Die angebotenen Plätze können jetzt nicht gebucht werden.</translation>
    </message>
    <message>
        <source>The server did not answer. Check the connection and try again.</source>
        <translation>Der Server hat nicht geantwortet. Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>This event no longer exists.</source>
        <translation>Diese Veranstaltung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The hold could not be extended: %1</source>
        <translation>Die Vormerkung konnte nicht verlängert werden: %1</translation>
    </message>
    <message>
        <source>Someone else was faster: those seats were just taken. Try again.</source>
        <translation>Jemand anderes war schneller: Diese Plätze wurden gerade vergeben. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Sorry, these seats were just taken: %1</source>
        <translation>Diese Plätze wurden leider gerade vergeben: %1</translation>
    </message>
    <message>
        <source>Sold out: there are not enough seats left that match your choice.</source>
        <translation>Ausverkauft: Es sind nicht mehr genügend passende Plätze für Ihre Auswahl frei.</translation>
    </message>
    <message>
        <source>The connection dropped before the seats were held. Try again.</source>
        <translation>Die Verbindung wurde unterbrochen, bevor die Plätze vorgemerkt waren. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The seats could not be held. %1</source>
        <translation>Die Plätze konnten nicht vorgemerkt werden. %1</translation>
    </message>
    <message>
        <source>The connection dropped while paying. The order is sent again with the same key when the server is back, so you are never charged twice.</source>
        <translation>Die Verbindung wurde während der Zahlung unterbrochen. Die Bestellung wird mit demselben Schlüssel erneut gesendet, sobald der Server wieder erreichbar ist; Sie werden also nie doppelt belastet.</translation>
    </message>
    <message>
        <source>This payment method is not available to you.</source>
        <translation>Diese Zahlungsart steht Ihnen nicht zur Verfügung.</translation>
    </message>
    <message>
        <source>Please check your details: %1</source>
        <translation>Bitte prüfen Sie Ihre Angaben: %1</translation>
    </message>
    <message>
        <source>A payment for these seats is still being processed. Please wait a moment.</source>
        <translation>Eine Zahlung für diese Plätze wird noch verarbeitet. Bitte warten Sie einen Moment.</translation>
    </message>
    <message>
        <source>This event is not on sale any more.</source>
        <translation>Für diese Veranstaltung läuft kein Verkauf mehr.</translation>
    </message>
    <message>
        <source>The order could not be made. %1</source>
        <translation>Die Bestellung konnte nicht ausgeführt werden. %1</translation>
    </message>
    <message>
        <source>The payment options could not be loaded. %1</source>
        <translation>Die Zahlungsoptionen konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>The order is still being processed; try again in a moment.</source>
        <translation>Die Bestellung wird noch verarbeitet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This order can no longer be cancelled.</source>
        <translation>Diese Bestellung kann nicht mehr storniert werden.</translation>
    </message>
    <message>
        <source>You are offline. Orders can be made only while connected.</source>
        <translation>Sie sind offline. Bestellungen sind nur mit bestehender Verbindung möglich.</translation>
    </message>
    <message>
        <source>Card payments are not available right now.</source>
        <translation>Kartenzahlungen sind derzeit nicht möglich.</translation>
    </message>
    <message>
        <source>Sorry, the seats were taken before the order completed.</source>
        <translation>Die Plätze wurden leider vergeben, bevor die Bestellung abgeschlossen war.</translation>
    </message>
    <message>
        <source>The payment provider could not be reached. Try again.</source>
        <translation>Der Zahlungsanbieter ist nicht erreichbar. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The order could not be completed (%1).</source>
        <translation>Die Bestellung konnte nicht abgeschlossen werden (%1).</translation>
    </message>
    <message>
        <source>Insufficient funds on the card. Try another card.</source>
        <translation>Die Karte ist nicht ausreichend gedeckt. Versuchen Sie es mit einer anderen Karte.</translation>
    </message>
    <message>
        <source>The card has expired. Try another card.</source>
        <translation>Die Karte ist abgelaufen. Versuchen Sie es mit einer anderen Karte.</translation>
    </message>
    <message>
        <source>The expiry date is not valid.</source>
        <translation>Das Ablaufdatum ist ungültig.</translation>
    </message>
    <message>
        <source>The security code (CVC) is incorrect.</source>
        <translation>Die Prüfnummer (CVC) ist falsch.</translation>
    </message>
    <message>
        <source>The card number is incorrect.</source>
        <translation>Die Kartennummer ist falsch.</translation>
    </message>
    <message>
        <source>The card could not be processed. Please try again.</source>
        <translation>Die Karte konnte nicht verarbeitet werden. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The bank asks for an authentication this checkout cannot do. Try another card.</source>
        <translation>Die Bank verlangt eine Authentifizierung, die dieser Bezahlvorgang nicht unterstützt. Versuchen Sie es mit einer anderen Karte.</translation>
    </message>
    <message>
        <source>The card terminal did not answer in time.</source>
        <translation>Das Kartenterminal hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The payment was cancelled at the card terminal.</source>
        <translation>Die Zahlung wurde am Kartenterminal abgebrochen.</translation>
    </message>
    <message>
        <source>The card terminal is offline.</source>
        <translation>Das Kartenterminal ist offline.</translation>
    </message>
    <message>
        <source>The cash tendered is less than the total.</source>
        <translation>Der erhaltene Barbetrag ist geringer als der Gesamtbetrag.</translation>
    </message>
    <message>
        <source>The card was declined. Try another card.</source>
        <translation>Die Karte wurde abgelehnt. Versuchen Sie es mit einer anderen Karte.</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Zahlung läuft</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled and refunded</source>
        <translation>Storniert und erstattet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>Sold out: only %n place(s) left in this standing area.</source>
        <translation>
            <numerusform>Ausverkauft: In diesem Stehbereich ist nur noch %n Platz frei.</numerusform>
            <numerusform>Ausverkauft: In diesem Stehbereich sind nur noch %n Plätze frei.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::BoxOfficeWindow</name>
    <message>
        <source>Box office</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>End-of-day report…</source>
        <translation>Tagesabschluss …</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Veranstaltung:</translation>
    </message>
    <message>
        <source>Connection and lease status</source>
        <translation>Verbindungs- und Kontingentstatus</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Schalter</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Online — selling live seats.</source>
        <translation>Online — Verkauf aus dem aktuellen Platzbestand.</translation>
    </message>
    <message>
        <source>This device holds a lease: %1 of %2 seats left for offline sales.</source>
        <translation>Dieses Gerät hat ein Kontingent: %1 von %2 Plätzen für den Offline-Verkauf übrig.</translation>
    </message>
    <message>
        <source>Offline — selling from this device's lease: %1 of %2 seats left</source>
        <translation>Offline — Verkauf aus dem Kontingent dieses Geräts: %1 von %2 Plätzen übrig</translation>
    </message>
    <message>
        <source>Offline — this device has no lease for this event, so nothing can be sold until the connection is back.</source>
        <translation>Offline — dieses Gerät hat kein Kontingent für diese Veranstaltung; bis die Verbindung wiederhergestellt ist, kann nichts verkauft werden.</translation>
    </message>
    <message>
        <source>Offline sales uploading: %1.</source>
        <translation>Offline-Verkäufe werden hochgeladen: %1.</translation>
    </message>
    <message>
        <source>(sales waiting to upload: %1)</source>
        <translation>(noch hochzuladende Verkäufe: %1)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
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
    <name>marquee::client::CheckInService</name>
    <message>
        <source>This device could not record the check-in. Try again.</source>
        <translation>Dieses Gerät konnte den Einlass nicht erfassen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Only staff, organizers and admins can check tickets in.</source>
        <translation>Nur Personal, Veranstalter und Administratoren dürfen Tickets beim Einlass prüfen.</translation>
    </message>
    <message>
        <source>The server refused the check-in: %1</source>
        <translation>Der Server hat den Einlass abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::CheckInWindow</name>
    <message>
        <source>Check-in</source>
        <translation>Einlass</translation>
    </message>
    <message>
        <source>e.g. North door</source>
        <translation>z. B. Nordeingang</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Veranstaltung:</translation>
    </message>
    <message>
        <source>Gate:</source>
        <translation>Eingang:</translation>
    </message>
    <message>
        <source>Scan a ticket or type its code, then press Enter</source>
        <translation>Ticket scannen oder Code eingeben, dann die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Einlassen</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Bereit zum Scannen</translation>
    </message>
    <message>
        <source>Flagged for staff (duplicate entries found on sync, refused uploads):</source>
        <translation>Für das Personal markiert (bei der Synchronisierung gefundene doppelte Einlässe, abgelehnte Uploads):</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose an event first</source>
        <translation>Wählen Sie zuerst eine Veranstaltung</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Eingelassen</translation>
    </message>
    <message>
        <source>Already admitted at %1</source>
        <translation>Bereits eingelassen um %1</translation>
    </message>
    <message>
        <source>Already admitted at %1 at %2</source>
        <translation>Bereits eingelassen um %1 (%2)</translation>
    </message>
    <message>
        <source>Wrong event: this ticket is for another event</source>
        <translation>Falsche Veranstaltung: Dieses Ticket gilt für eine andere Veranstaltung</translation>
    </message>
    <message>
        <source>Wrong event: ticket for “%1”</source>
        <translation>Falsche Veranstaltung: Ticket für „%1“</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Not a valid ticket</source>
        <translation>Kein gültiges Ticket</translation>
    </message>
    <message>
        <source>Seat: %1</source>
        <translation>Platz: %1</translation>
    </message>
    <message>
        <source>Sold offline at a box office; its sale is not synced yet.</source>
        <translation>Offline an einer Kasse verkauft; der Verkauf ist noch nicht synchronisiert.</translation>
    </message>
    <message>
        <source>Admitted by device %1.</source>
        <translation>Eingelassen von Gerät %1.</translation>
    </message>
    <message>
        <source>The ticket was refunded or cancelled.</source>
        <translation>Das Ticket wurde erstattet oder storniert.</translation>
    </message>
    <message>
        <source>Send the guest to the right entrance.</source>
        <translation>Schicken Sie den Gast zum richtigen Eingang.</translation>
    </message>
    <message>
        <source>Offline: recorded on this device, it syncs when the connection is back.</source>
        <translation>Offline: Auf diesem Gerät erfasst; wird synchronisiert, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>Checked on this device (offline).</source>
        <translation>Auf diesem Gerät geprüft (offline).</translation>
    </message>
    <message>
        <source>Admitted so far: %1</source>
        <translation>Bisher eingelassen: %1</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline — checking on this device</source>
        <translation>● Offline — Prüfung auf diesem Gerät</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) waiting to sync</source>
        <translation>
            <numerusform>%n Einlass wartet auf die Synchronisierung</numerusform>
            <numerusform>%n Einlässe warten auf die Synchronisierung</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate entry: ticket %1 admitted again at %2 at %3 (device %4)</source>
        <translation>Doppelter Einlass: Ticket %1 um %2 erneut eingelassen (%3, Gerät %4)</translation>
    </message>
    <message>
        <source>Admitted offline at %1, refused on sync: %2 (ticket %3)</source>
        <translation>Um %1 offline eingelassen, bei der Synchronisierung abgelehnt: %2 (Ticket %3)</translation>
    </message>
</context>
<context>
    <name>marquee::client::CheckoutDialog</name>
    <message>
        <source>Checkout</source>
        <translation>Bestellung abschließen</translation>
    </message>
    <message>
        <source>Time left to complete the order</source>
        <translation>Verbleibende Zeit zum Abschließen der Bestellung</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <source>Keep the seats a little longer</source>
        <translation>Plätze etwas länger vormerken</translation>
    </message>
    <message>
        <source>Your seats</source>
        <translation>Ihre Plätze</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>Name on the tickets</source>
        <translation>Name auf den Tickets</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Kartenterminal</translation>
    </message>
    <message>
        <source>1234 5678 9012 3456</source>
        <translation>1234 5678 9012 3456</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>MM/JJ</translation>
    </message>
    <message>
        <source>CVC</source>
        <translation>CVC</translation>
    </message>
    <message>
        <source>Card details are sent directly to the payment provider.</source>
        <translation>Kartendaten werden direkt an den Zahlungsanbieter übermittelt.</translation>
    </message>
    <message>
        <source>Card number:</source>
        <translation>Kartennummer:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Security code:</source>
        <translation>Prüfnummer:</translation>
    </message>
    <message>
        <source>amount received</source>
        <translation>erhaltener Betrag</translation>
    </message>
    <message>
        <source>Tendered:</source>
        <translation>Erhalten:</translation>
    </message>
    <message>
        <source>Change due:</source>
        <translation>Rückgeld:</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <source>Release seats</source>
        <translation>Plätze freigeben</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <source>Save tickets as PDF…</source>
        <translation>Tickets als PDF speichern …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Your hold has expired</source>
        <translation>Ihre Vormerkung ist abgelaufen</translation>
    </message>
    <message>
        <source>Pick seats again</source>
        <translation>Erneut Plätze auswählen</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
    <message>
        <source> (incl. %1 tax, %2 fees)</source>
        <translation> (inkl. %1 Steuern, %2 Gebühren)</translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s)</source>
        <translation>
            <numerusform>%n Stehplatz</numerusform>
            <numerusform>%n Stehplätze</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices, fees and taxes are shown when you pay.</source>
        <translation>Preise, Gebühren und Steuern werden beim Bezahlen angezeigt.</translation>
    </message>
    <message>
        <source>Tickets: %1 — booking fees and taxes are added when you pay.</source>
        <translation>Tickets: %1 — Buchungsgebühren und Steuern kommen beim Bezahlen hinzu.</translation>
    </message>
    <message>
        <source>Hurry: your seats are held for %1 more</source>
        <translation>Beeilen Sie sich: Ihre Plätze sind nur noch %1 vorgemerkt</translation>
    </message>
    <message>
        <source>Your seats are held for %1</source>
        <translation>Ihre Plätze sind %1 vorgemerkt</translation>
    </message>
    <message>
        <source>Enter an amount like 50.00</source>
        <translation>Geben Sie einen Betrag wie 50,00 ein</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Es fehlen %1</translation>
    </message>
    <message>
        <source>The seats were released. Pick seats again.</source>
        <translation>Die Plätze wurden freigegeben. Wählen Sie erneut Plätze aus.</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>%1 bezahlen</translation>
    </message>
    <message>
        <source>Paying… please wait.</source>
        <translation>Zahlung läuft … bitte warten.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Thank you!&lt;/h2&gt;&lt;p&gt;Order &lt;b&gt;%1&lt;/b&gt; is confirmed: %2 paid.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Vielen Dank!&lt;/h2&gt;&lt;p&gt;Bestellung &lt;b&gt;%1&lt;/b&gt; ist bestätigt: %2 bezahlt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Change due: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Rückgeld: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The tickets are also sent to %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Tickets werden außerdem an %1 gesendet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your tickets are being issued; they appear here and in My Orders &amp;amp; Tickets.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ihre Tickets werden ausgestellt; sie erscheinen hier und unter „Meine Bestellungen &amp;amp; Tickets“.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Please enter the name for the tickets and an e-mail address for the confirmation.</source>
        <translation>Bitte geben Sie den Namen für die Tickets und eine E-Mail-Adresse für die Bestätigung ein.</translation>
    </message>
    <message>
        <source>Please enter the card number, its expiry date (MM/YY) and security code.</source>
        <translation>Bitte geben Sie die Kartennummer, das Ablaufdatum (MM/JJ) und die Prüfnummer ein.</translation>
    </message>
    <message>
        <source>Enter the amount received.</source>
        <translation>Geben Sie den erhaltenen Betrag ein.</translation>
    </message>
    <message>
        <source>Try again: pay %1</source>
        <translation>Erneut versuchen: %1 bezahlen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Your seats stay held until the countdown runs out: try another card or payment method.</source>
        <translation>Ihre Plätze bleiben vorgemerkt, bis der Countdown abläuft: Versuchen Sie es mit einer anderen Karte oder Zahlungsart.</translation>
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
    <name>marquee::client::CounterPanel</name>
    <message>
        <source>Name, e-mail or order code (MQ-…)</source>
        <translation>Name, E-Mail oder Bestellcode (MQ-…)</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>Bestellung suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <source>Reprint tickets</source>
        <translation>Tickets erneut drucken</translation>
    </message>
    <message>
        <source>Refund checked lines</source>
        <translation>Markierte Positionen erstatten</translation>
    </message>
    <message>
        <source>Refund whole order</source>
        <translation>Gesamte Bestellung erstatten</translation>
    </message>
    <message>
        <source>Cash for a price difference, e.g. 10.00</source>
        <translation>Bargeld für eine Preisdifferenz, z. B. 10,00</translation>
    </message>
    <message>
        <source>Exchange checked lines for the seats selected on the map</source>
        <translation>Markierte Positionen gegen die auf dem Plan ausgewählten Plätze umtauschen</translation>
    </message>
    <message>
        <source>Refunded: %1 paid back.</source>
        <translation>Erstattet: %1 zurückgezahlt.</translation>
    </message>
    <message>
        <source>Seats exchanged; new tickets issued.</source>
        <translation>Plätze umgetauscht; neue Tickets ausgestellt.</translation>
    </message>
    <message>
        <source>No order matches.</source>
        <translation>Keine passende Bestellung gefunden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 · %4&lt;br&gt;Paid %5 by %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 · %4&lt;br&gt;Bezahlt: %5 (%6)</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>bar</translation>
    </message>
    <message>
        <source>card terminal</source>
        <translation>Kartenterminal</translation>
    </message>
    <message>
        <source>card online</source>
        <translation>Karte online</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>Erstattet: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3%4</source>
        <translation>%1 · %2 · %3%4</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation> (erstattet)</translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation>Wählen Sie zuerst eine Bestellung.</translation>
    </message>
    <message>
        <source>Tickets sent to the printer.</source>
        <translation>Tickets an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Check the lines to refund.</source>
        <translation>Markieren Sie die zu erstattenden Positionen.</translation>
    </message>
    <message>
        <source>Refund at the box office</source>
        <translation>Erstattung an der Kasse</translation>
    </message>
    <message>
        <source>Check the lines to exchange and select as many new seats on the map.</source>
        <translation>Markieren Sie die umzutauschenden Positionen und wählen Sie ebenso viele neue Plätze auf dem Plan.</translation>
    </message>
    <message>
        <source>Holding the new seats…</source>
        <translation>Neue Plätze werden vorgemerkt …</translation>
    </message>
    <message>
        <source>Difference in cash</source>
        <translation>Differenz in bar</translation>
    </message>
    <message>
        <source>Difference at the card terminal</source>
        <translation>Differenz am Kartenterminal</translation>
    </message>
    <message>
        <source>Card terminal for the difference</source>
        <translation>Kartenterminal für die Differenz</translation>
    </message>
</context>
<context>
    <name>marquee::client::CounterService</name>
    <message>
        <source>The server cannot be reached: this needs a connection.</source>
        <translation>Der Server ist nicht erreichbar: Dafür ist eine Verbindung nötig.</translation>
    </message>
    <message>
        <source>Only box-office staff can do this.</source>
        <translation>Nur Kassenpersonal darf das tun.</translation>
    </message>
    <message>
        <source>No such order.</source>
        <translation>Diese Bestellung gibt es nicht.</translation>
    </message>
    <message>
        <source>The order is still being processed; try again in a moment.</source>
        <translation>Die Bestellung wird noch verarbeitet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The new seats' hold expired; pick them again.</source>
        <translation>Die Vormerkung der neuen Plätze ist abgelaufen; wählen Sie sie erneut.</translation>
    </message>
    <message>
        <source>Pick as many new seats as lines to exchange.</source>
        <translation>Wählen Sie so viele neue Plätze, wie Positionen umgetauscht werden.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Enter a name, an e-mail address or an order code.</source>
        <translation>Geben Sie einen Namen, eine E-Mail-Adresse oder einen Bestellcode ein.</translation>
    </message>
    <message>
        <source>Choose the lines to exchange and hold the new seats first.</source>
        <translation>Wählen Sie zuerst die umzutauschenden Positionen und merken Sie die neuen Plätze vor.</translation>
    </message>
    <message>
        <source>The counted cash cannot be negative.</source>
        <translation>Der gezählte Bargeldbetrag darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The server sent no order.</source>
        <translation>Der Server hat keine Bestellung gesendet.</translation>
    </message>
    <message>
        <source>The server sent no report.</source>
        <translation>Der Server hat keinen Bericht gesendet.</translation>
    </message>
</context>
<context>
    <name>marquee::client::DayReportDialog</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Kartenterminal</translation>
    </message>
    <message>
        <source>Card online</source>
        <translation>Karte online</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>End-of-day report</source>
        <translation>Tagesabschluss</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Print / save as PDF</source>
        <translation>Drucken / als PDF speichern</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Bar (Soll)</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Bar (gezählt)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Sales by payment method</source>
        <translation>Umsatz nach Zahlungsart</translation>
    </message>
    <message>
        <source>Cash counted in this drawer, e.g. 412.50</source>
        <translation>Gezähltes Bargeld in dieser Kassenlade, z. B. 412,50</translation>
    </message>
    <message>
        <source>Record cash count</source>
        <translation>Kassenzählung erfassen</translation>
    </message>
    <message>
        <source>Cash counted:</source>
        <translation>Bargeld gezählt:</translation>
    </message>
    <message>
        <source>Cash count recorded.</source>
        <translation>Kassenzählung erfasst.</translation>
    </message>
    <message>
        <source>Enter the counted cash like 412.50.</source>
        <translation>Geben Sie das gezählte Bargeld ein, z. B. 412,50.</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <source>This drawer: %1 expected, %2 counted — it balances.</source>
        <translation>Diese Kassenlade: %1 Soll, %2 gezählt — die Kasse stimmt.</translation>
    </message>
    <message>
        <source>This drawer: %1 expected; enter the cash counted.</source>
        <translation>Diese Kassenlade: %1 Soll; geben Sie das gezählte Bargeld ein.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Betrag (%1)</translation>
    </message>
    <message>
        <source>Sales by payment method, %1</source>
        <translation>Umsatz nach Zahlungsart, %1</translation>
    </message>
    <message>
        <source>No box-office sales on this day.</source>
        <translation>An diesem Tag gab es keine Kassenverkäufe.</translation>
    </message>
    <message>
        <source>Report sent to the printer.</source>
        <translation>Bericht an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>ausgeglichen</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Fehlbetrag %1</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>Überschuss %1</translation>
    </message>
    <message>
        <source>%1 (sales: %2)</source>
        <translation>%1 (Verkäufe: %2)</translation>
    </message>
    <message>
        <source>This drawer: %1 expected, %2 counted — %3.</source>
        <translation>Diese Kassenlade: %1 Soll, %2 gezählt — %3.</translation>
    </message>
</context>
<context>
    <name>marquee::client::DeviceAdminService</name>
    <message>
        <source>The server cannot be reached: managing devices needs a connection.</source>
        <translation>Der Server ist nicht erreichbar: Zum Verwalten der Geräte ist eine Verbindung nötig.</translation>
    </message>
    <message>
        <source>Say why the device is revoked (for example: stolen, lost).</source>
        <translation>Geben Sie an, warum das Gerät gesperrt wird (zum Beispiel: gestohlen, verloren).</translation>
    </message>
    <message>
        <source>The reason is too long (at most 500 bytes).</source>
        <translation>Die Begründung ist zu lang (höchstens 500 Byte).</translation>
    </message>
    <message>
        <source>The server sent an unexpected answer.</source>
        <translation>Der Server hat unerwartet geantwortet.</translation>
    </message>
    <message>
        <source>Only admins can manage box-office devices.</source>
        <translation>Nur Administratoren können Kassengeräte verwalten.</translation>
    </message>
    <message>
        <source>The server knows no device with this id.</source>
        <translation>Der Server kennt kein Gerät mit dieser Kennung.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::DeviceKeyService</name>
    <message>
        <source>The server sent no certificate for this device.</source>
        <translation>Der Server hat kein Zertifikat für dieses Gerät gesendet.</translation>
    </message>
    <message>
        <source>The server certified another key than this device's.</source>
        <translation>Der Server hat einen anderen Schlüssel als den dieses Geräts zertifiziert.</translation>
    </message>
    <message>
        <source>The device certificate could not be saved: %1</source>
        <translation>Das Gerätezertifikat konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Only box-office staff can register this device for offline sales.</source>
        <translation>Nur Kassenpersonal kann dieses Gerät für den Offline-Verkauf registrieren.</translation>
    </message>
    <message>
        <source>This device could not be registered for offline sales: %1</source>
        <translation>Dieses Gerät konnte nicht für den Offline-Verkauf registriert werden: %1</translation>
    </message>
    <message>
        <source>The server's ticket key %1 that signed this device's certificate is not known here.</source>
        <translation>Der Ticketschlüssel %1 des Servers, mit dem das Zertifikat dieses Geräts signiert wurde, ist hier nicht bekannt.</translation>
    </message>
    <message>
        <source>The server sent a malformed certificate for this device.</source>
        <translation>Der Server hat ein fehlerhaftes Zertifikat für dieses Gerät gesendet.</translation>
    </message>
    <message>
        <source>The server's certificate for this device does not verify: offline sales stay off.</source>
        <translation>Das Zertifikat des Servers für dieses Gerät lässt sich nicht verifizieren: Der Offline-Verkauf bleibt deaktiviert.</translation>
    </message>
    <message>
        <source>This device was revoked by an admin: it can no longer sell offline, lease seats or check tickets in.</source>
        <translation>Dieses Gerät wurde von einem Administrator gesperrt: Es kann nicht mehr offline verkaufen, Plätze als Kontingent übernehmen oder Tickets beim Einlass prüfen.</translation>
    </message>
</context>
<context>
    <name>marquee::client::DevicesPanel</name>
    <message>
        <source>Box-office devices that registered a ticket-signing key. Revoke a lost or stolen device: its unsold leased seats go back on sale and the doors stop trusting tickets it did not upload.</source>
        <translation>Kassengeräte, die einen Schlüssel zum Signieren von Tickets registriert haben. Sperren Sie ein verlorenes oder gestohlenes Gerät: Seine unverkauften Kontingentplätze kommen wieder in den Verkauf, und der Einlass vertraut keinen Tickets mehr, die es nicht hochgeladen hat.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Last upload</source>
        <translation>Letzter Upload</translation>
    </message>
    <message>
        <source>Leases (active)</source>
        <translation>Kontingente (aktiv)</translation>
    </message>
    <message>
        <source>Certificate until</source>
        <translation>Zertifikat bis</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registriert von</translation>
    </message>
    <message>
        <source>Registered devices</source>
        <translation>Registrierte Geräte</translation>
    </message>
    <message>
        <source>Show revoked devices</source>
        <translation>Gesperrte Geräte anzeigen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Sperren …</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is revoked. %n unsold leased seat(s) went back on sale.</source>
        <translation>
            <numerusform>„%1“ ist gesperrt. %n unverkaufter Kontingentplatz ist wieder im Verkauf.</numerusform>
            <numerusform>„%1“ ist gesperrt. %n unverkaufte Kontingentplätze sind wieder im Verkauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Device id %1, key %2</source>
        <translation>Gerätekennung %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>Revoked %1 by %2: %3</source>
        <translation>Gesperrt am %1 von %2: %3</translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation>Zertifikat abgelaufen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>No device has registered a key yet.</source>
        <translation>Noch kein Gerät hat einen Schlüssel registriert.</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>Gerät sperren</translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” (%2) for good?

• Its %n active lease(s) are returned: unsold seats go back on sale.
• It can no longer register, lease, upload sales or check tickets in.
• Tickets it sold offline and has not uploaded will be refused at the doors; sell those buyers new tickets at the counter.

This cannot be undone.</source>
        <translation>
            <numerusform>„%1“ (%2) endgültig sperren?

• Sein %n aktives Kontingent wird zurückgegeben: Unverkaufte Plätze kommen wieder in den Verkauf.
• Es kann sich nicht mehr registrieren, keine Kontingente übernehmen, keine Verkäufe hochladen und keine Tickets beim Einlass prüfen.
• Tickets, die es offline verkauft und nicht hochgeladen hat, werden am Einlass abgewiesen; verkaufen Sie diesen Käufern an der Kasse neue Tickets.

Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>„%1“ (%2) endgültig sperren?

• Seine %n aktiven Kontingente werden zurückgegeben: Unverkaufte Plätze kommen wieder in den Verkauf.
• Es kann sich nicht mehr registrieren, keine Kontingente übernehmen, keine Verkäufe hochladen und keine Tickets beim Einlass prüfen.
• Tickets, die es offline verkauft und nicht hochgeladen hat, werden am Einlass abgewiesen; verkaufen Sie diesen Käufern an der Kasse neue Tickets.

Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why (required), e.g. “Stolen from the North box office”</source>
        <translation>Grund (Pflichtfeld), z. B. „Aus der Kasse Nord gestohlen“</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird gesperrt …</translation>
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
    <message>
        <source>Seats…</source>
        <translation>Plätze …</translation>
    </message>
    <message>
        <source>Open the seat map with live availability</source>
        <translation>Saalplan mit aktueller Verfügbarkeit öffnen</translation>
    </message>
    <message>
        <source>Join waitlist…</source>
        <translation>Auf die Warteliste …</translation>
    </message>
    <message>
        <source>Sold out: get seats held for you when some come free</source>
        <translation>Ausverkauft: Lassen Sie sich Plätze vormerken, sobald welche frei werden</translation>
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
    <name>marquee::client::GenerateRowsDialog</name>
    <message>
        <source>Generate Rows</source>
        <translation>Reihen erzeugen</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>Neuer Bereich</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>Add to:</source>
        <translation>Hinzufügen zu:</translation>
    </message>
    <message>
        <source>New area name:</source>
        <translation>Name des neuen Bereichs:</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Reihen</translation>
    </message>
    <message>
        <source>Straight rows</source>
        <translation>Gerade Reihen</translation>
    </message>
    <message>
        <source>Arc (curved rows)</source>
        <translation>Bogen (gebogene Reihen)</translation>
    </message>
    <message>
        <source>One number for every row, or one per row separated by commas (front row first)</source>
        <translation>Eine Zahl für alle Reihen oder eine pro Reihe, durch Kommas getrennt (vorderste Reihe zuerst)</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Number of rows:</source>
        <translation>Anzahl der Reihen:</translation>
    </message>
    <message>
        <source>Seats per row:</source>
        <translation>Plätze pro Reihe:</translation>
    </message>
    <message>
        <source>Seat spacing:</source>
        <translation>Platzabstand:</translation>
    </message>
    <message>
        <source>Row spacing:</source>
        <translation>Reihenabstand:</translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation>Ursprung:</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>Drehung:</translation>
    </message>
    <message>
        <source>More seats in longer back rows</source>
        <translation>Mehr Plätze in den längeren hinteren Reihen</translation>
    </message>
    <message>
        <source>Front row radius:</source>
        <translation>Radius der vordersten Reihe:</translation>
    </message>
    <message>
        <source>From angle:</source>
        <translation>Startwinkel:</translation>
    </message>
    <message>
        <source>To angle:</source>
        <translation>Endwinkel:</translation>
    </message>
    <message>
        <source>Row labels</source>
        <translation>Reihenbezeichnungen</translation>
    </message>
    <message>
        <source>Letters (A, B, C …)</source>
        <translation>Buchstaben (A, B, C …)</translation>
    </message>
    <message>
        <source>Numbers (1, 2, 3 …)</source>
        <translation>Zahlen (1, 2, 3 …)</translation>
    </message>
    <message>
        <source>Row labels never used, separated by commas</source>
        <translation>Reihenbezeichnungen, die nie vergeben werden, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>First label nearest the stage</source>
        <translation>Erste Bezeichnung an der Bühne</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Bezeichnungen:</translation>
    </message>
    <message>
        <source>First row:</source>
        <translation>Erste Reihe:</translation>
    </message>
    <message>
        <source>Skip labels:</source>
        <translation>Bezeichnungen auslassen:</translation>
    </message>
    <message>
        <source>Seat numbers</source>
        <translation>Platznummern</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Preiskategorie:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Seats per row must be a number, or one number per row separated by commas.</source>
        <translation>Für „Plätze pro Reihe“ geben Sie eine Zahl an oder eine Zahl pro Reihe, durch Kommas getrennt.</translation>
    </message>
    <message numerus="yes">
        <source>Give one seat count for all rows or exactly %n count(s), one per row.</source>
        <translation>
            <numerusform>Geben Sie eine Platzanzahl für alle Reihen an oder genau %n Wert, einen pro Reihe.</numerusform>
            <numerusform>Geben Sie eine Platzanzahl für alle Reihen an oder genau %n Werte, einen pro Reihe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the new area a name.</source>
        <translation>Geben Sie dem neuen Bereich einen Namen.</translation>
    </message>
</context>
<context>
    <name>marquee::client::IngestAdminWindow</name>
    <message>
        <source>Ingest Administration</source>
        <translation>Import-Verwaltung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last counts</source>
        <translation>Letzte Zahlen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>In Quarantäne</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sources&lt;/b&gt;</source>
        <translation>&lt;b&gt;Quellen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Select a quarantined record to see its reason and raw data.</source>
        <translation>Wählen Sie einen Datensatz in Quarantäne aus, um Grund und Rohdaten zu sehen.</translation>
    </message>
    <message>
        <source>category word in the feed, e.g. Poetry slam</source>
        <translation>Kategoriebegriff im Feed, z. B. Poetry-Slam</translation>
    </message>
    <message>
        <source>Marquee category id, e.g. talks.readings</source>
        <translation>Marquee-Kategorie-ID, z. B. talks.readings</translation>
    </message>
    <message>
        <source>Save Mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <source>Retry Selected</source>
        <translation>Auswahl erneut versuchen</translation>
    </message>
    <message>
        <source>Source category:</source>
        <translation>Kategorie der Quelle:</translation>
    </message>
    <message>
        <source>Maps to:</source>
        <translation>Zugeordnet zu:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Quarantine&lt;/b&gt;</source>
        <translation>&lt;b&gt;Quarantäne&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 wird ausgeführt …</translation>
    </message>
    <message>
        <source>Mapping for “%1” in %2 saved; retry the affected records.</source>
        <translation>Zuordnung für „%1“ in %2 gespeichert; versuchen Sie die betroffenen Datensätze erneut.</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 quarantined</source>
        <translation>%1 neu, %2 aktualisiert, %3 unverändert, %4 in Quarantäne</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Not modified</source>
        <translation>Nicht geändert</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Noch nie ausgeführt</translation>
    </message>
    <message>
        <source>Paused · %1</source>
        <translation>Pausiert · %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>(file uploads)</source>
        <translation>(Datei-Uploads)</translation>
    </message>
    <message>
        <source>Source: %1
Record: %2
Reason: %3

Raw data:
%4</source>
        <translation>Quelle: %1
Datensatz: %2
Grund: %3

Rohdaten:
%4</translation>
    </message>
    <message>
        <source>Select a source to run.</source>
        <translation>Wählen Sie eine Quelle zum Ausführen aus.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not modified since the last run.</source>
        <translation>%1: seit dem letzten Lauf nicht geändert.</translation>
    </message>
    <message>
        <source>%1 failed: %2 (failure %3, next attempt %4)</source>
        <translation>%1 fehlgeschlagen: %2 (Fehlschlag %3, nächster Versuch %4)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) moved into the catalog.</source>
        <translation>
            <numerusform>%n Datensatz in den Katalog übernommen.</numerusform>
            <numerusform>%n Datensätze in den Katalog übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still quarantined: %1</source>
        <translation>
            <numerusform>%n weiterhin in Quarantäne: %1</numerusform>
            <numerusform>%n weiterhin in Quarantäne: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a record or source and fill in both categories.</source>
        <translation>Wählen Sie einen Datensatz oder eine Quelle aus und füllen Sie beide Kategorien aus.</translation>
    </message>
    <message>
        <source>Only administrators can manage ingestion.</source>
        <translation>Nur Administratoren können den Import verwalten.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server could not do that right now (%1).</source>
        <translation>Der Server konnte das gerade nicht ausführen (%1).</translation>
    </message>
    <message>
        <source>Add Source…</source>
        <translation>Quelle hinzufügen …</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Feed category</source>
        <translation>Kategorie im Feed</translation>
    </message>
    <message>
        <source>Maps to</source>
        <translation>Entspricht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Category mappings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kategoriezuordnungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Source %1 added; its first run is due now.</source>
        <translation>Quelle %1 hinzugefügt; ihr erster Lauf steht jetzt an.</translation>
    </message>
    <message>
        <source>%1 paused.</source>
        <translation>%1 pausiert.</translation>
    </message>
    <message>
        <source>%1 resumed.</source>
        <translation>%1 fortgesetzt.</translation>
    </message>
    <message>
        <source>%1: fetching the feed…</source>
        <translation>%1: Feed wird abgerufen …</translation>
    </message>
    <message>
        <source>%1: parsing the feed…</source>
        <translation>%1: Feed wird analysiert …</translation>
    </message>
    <message>
        <source>%1: reading records, %2 of %3…</source>
        <translation>%1: Datensätze werden gelesen, %2 von %3 …</translation>
    </message>
    <message>
        <source>%1: writing to the catalog, %2 of %3 records…</source>
        <translation>%1: Schreiben in den Katalog, %2 von %3 Datensätzen …</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Add Source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>e.g. city-hall</source>
        <translation>z. B. stadthalle</translation>
    </message>
    <message>
        <source>https://example.org/events.ics</source>
        <translation>https://example.org/events.ics</translation>
    </message>
    <message>
        <source>iCalendar (.ics)</source>
        <translation>iCalendar (.ics)</translation>
    </message>
    <message>
        <source>Web page with schema.org events (JSON-LD)</source>
        <translation>Webseite mit schema.org-Veranstaltungen (JSON-LD)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Feed URL:</source>
        <translation>Feed-URL:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Fetch every:</source>
        <translation>Abrufen alle:</translation>
    </message>
    <message>
        <source>Time zone for times without one:</source>
        <translation>Zeitzone für Zeitangaben ohne Zeitzone:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Läufe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>fetching the feed</source>
        <translation>Feed wird abgerufen</translation>
    </message>
    <message>
        <source>reading records, %1 of %2</source>
        <translation>Einträge werden gelesen, %1 von %2</translation>
    </message>
    <message>
        <source>writing records, %1 of %2</source>
        <translation>Einträge werden geschrieben, %1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 chunks written</source>
        <translation>%1 von %2 Blöcken geschrieben</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>wird vorbereitet</translation>
    </message>
    <message>
        <source>stopped after %1 of %2 chunks</source>
        <translation>nach %1 von %2 Blöcken angehalten</translation>
    </message>
    <message>
        <source>the next run of the source re-runs it (re-run %1 of %2 tried)</source>
        <translation>der nächste Lauf der Quelle wiederholt ihn (Wiederholung %1 von %2 versucht)</translation>
    </message>
    <message>
        <source>re-run of run %1</source>
        <translation>Wiederholung von Lauf %1</translation>
    </message>
    <message>
        <source>finished by run %1</source>
        <translation>abgeschlossen durch Lauf %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Läufe von %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Läufe.</translation>
    </message>
</context>
<context>
    <name>marquee::client::JoinWaitlistDialog</name>
    <message>
        <source>Join the waitlist</source>
        <translation>Auf die Warteliste setzen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is sold out. Join the waitlist and we will hold seats for you as soon as some come free, side by side when we can. You get an e-mail and a notice here, and have a while to complete the booking.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist ausverkauft. Tragen Sie sich in die Warteliste ein, dann merken wir Ihnen Plätze vor, sobald welche frei werden – nach Möglichkeit nebeneinander. Sie erhalten eine E-Mail und eine Benachrichtigung hier und haben dann etwas Zeit, die Buchung abzuschließen.</translation>
    </message>
    <message>
        <source>Seats wanted</source>
        <translation>Gewünschte Plätze</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Beliebige Kategorie</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Preiskategorie</translation>
    </message>
    <message>
        <source>Seats wanted:</source>
        <translation>Gewünschte Plätze:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Join waitlist</source>
        <translation>Auf die Warteliste</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>marquee::client::LayoutEditorWindow</name>
    <message>
        <source>x %1 cm, y %2 cm</source>
        <translation>x %1 cm, y %2 cm</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Price Categories</source>
        <translation>Preiskategorien</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open from Server…</source>
        <translation>Vom Server ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Reload from Server</source>
        <translation>Vom Server neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Save to Server</source>
        <translation>Auf dem Server &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>JSON &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>JSON &amp;exportieren …</translation>
    </message>
    <message>
        <source>Set &amp;Background Image…</source>
        <translation>&amp;Hintergrundbild festlegen …</translation>
    </message>
    <message>
        <source>Remove Background Image</source>
        <translation>Hintergrundbild entfernen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>Auswahl au&amp;fheben</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>R&amp;otate Selection…</source>
        <translation>Auswahl &amp;drehen …</translation>
    </message>
    <message>
        <source>Re&amp;number Rows…</source>
        <translation>Reihen &amp;neu nummerieren …</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Ansicht verschieben</translation>
    </message>
    <message>
        <source>Add Area</source>
        <translation>Bereich hinzufügen</translation>
    </message>
    <message>
        <source>Generate Rows</source>
        <translation>Reihen erzeugen</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tisch</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Bühne</translation>
    </message>
    <message>
        <source>Click seats or areas; drag to move; drag a rectangle to select; drag the round handle to rotate</source>
        <translation>Plätze oder Bereiche anklicken; ziehen zum Verschieben; Rechteck aufziehen zum Auswählen; runden Griff ziehen zum Drehen</translation>
    </message>
    <message>
        <source>Drag to move the view</source>
        <translation>Ziehen, um die Ansicht zu verschieben</translation>
    </message>
    <message>
        <source>Drag a rectangle to create a seated or standing area</source>
        <translation>Rechteck aufziehen, um einen Sitzplatz- oder Stehbereich anzulegen</translation>
    </message>
    <message>
        <source>Click where the front row should start</source>
        <translation>Dort klicken, wo die vorderste Reihe beginnen soll</translation>
    </message>
    <message>
        <source>Click where a round table should go</source>
        <translation>Dort klicken, wo ein runder Tisch stehen soll</translation>
    </message>
    <message>
        <source>Click to place the stage (best seats are closest to it)</source>
        <translation>Klicken, um die Bühne zu platzieren (die besten Plätze liegen ihr am nächsten)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An Fenster an&amp;passen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>%1[*] — Seat Map Editor</source>
        <translation>%1[*] — Saalplan-Editor</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message numerus="yes">
        <source>%1 seats in %n area(s)</source>
        <translation>
            <numerusform>%1 Plätze in %n Bereich</numerusform>
            <numerusform>%1 Plätze in %n Bereichen</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>Server version %1</source>
        <translation>Serverversion %1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The seat map has changes that are not saved. Discard them?</source>
        <translation>Der Saalplan hat ungespeicherte Änderungen. Sollen sie verworfen werden?</translation>
    </message>
    <message>
        <source>Import Seat Map</source>
        <translation>Saalplan importieren</translation>
    </message>
    <message>
        <source>Seat maps (*.json)</source>
        <translation>Saalpläne (*.json)</translation>
    </message>
    <message>
        <source>Export Seat Map</source>
        <translation>Saalplan exportieren</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” could not be opened: %2</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>“%1” is not a seat map this editor can read. Nothing was changed.</source>
        <translation>„%1“ ist kein Saalplan, den dieser Editor lesen kann. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 with %n problem(s) to fix.</source>
        <translation>
            <numerusform>%1 importiert; %n Problem muss behoben werden.</numerusform>
            <numerusform>%1 importiert; %n Probleme müssen behoben werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <source>Background Image for Tracing</source>
        <translation>Hintergrundbild zum Nachzeichnen</translation>
    </message>
    <message>
        <source>Images (*.svg *.png)</source>
        <translation>Bilder (*.svg *.png)</translation>
    </message>
    <message>
        <source>Background Image</source>
        <translation>Hintergrundbild</translation>
    </message>
    <message>
        <source>Only SVG and PNG images can be used for tracing.</source>
        <translation>Zum Nachzeichnen können nur SVG- und PNG-Bilder verwendet werden.</translation>
    </message>
    <message>
        <source>“%1” could not be read as an image.</source>
        <translation>„%1“ konnte nicht als Bild gelesen werden.</translation>
    </message>
    <message>
        <source>No rows were generated.</source>
        <translation>Es wurden keine Reihen erzeugt.</translation>
    </message>
    <message>
        <source>Add Table</source>
        <translation>Tisch hinzufügen</translation>
    </message>
    <message>
        <source>The table was not added.</source>
        <translation>Der Tisch wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>New Area</source>
        <translation>Neuer Bereich</translation>
    </message>
    <message>
        <source>Area %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <source>Seated (add rows next)</source>
        <translation>Sitzplätze (danach Reihen hinzufügen)</translation>
    </message>
    <message>
        <source>Standing (general admission)</source>
        <translation>Stehplätze (freie Platzwahl)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Kapazität:</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Preiskategorie:</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Name of what the audience faces:</source>
        <translation>Bezeichnung dessen, worauf das Publikum blickt:</translation>
    </message>
    <message>
        <source>Select seats in the rows to renumber first.</source>
        <translation>Wählen Sie zuerst Plätze in den Reihen aus, die neu nummeriert werden sollen.</translation>
    </message>
    <message>
        <source>Renumber Rows</source>
        <translation>Reihen neu nummerieren</translation>
    </message>
    <message>
        <source>Every row with a selected seat is numbered again:</source>
        <translation>Jede Reihe mit einem ausgewählten Platz wird neu nummeriert:</translation>
    </message>
    <message>
        <source>The rows were not renumbered.</source>
        <translation>Die Reihen wurden nicht neu nummeriert.</translation>
    </message>
    <message>
        <source>Rotate Selection</source>
        <translation>Auswahl drehen</translation>
    </message>
    <message>
        <source>Clockwise angle in degrees:</source>
        <translation>Winkel im Uhrzeigersinn in Grad:</translation>
    </message>
    <message>
        <source>Open from Server</source>
        <translation>Vom Server öffnen</translation>
    </message>
    <message>
        <source>Save to Server</source>
        <translation>Auf dem Server speichern</translation>
    </message>
    <message numerus="yes">
        <source>The seat map has %n problem(s). Fix them first; the list shows where they are.</source>
        <translation>
            <numerusform>Der Saalplan hat %n Problem. Beheben Sie es zuerst; die Liste zeigt, wo es liegt.</numerusform>
            <numerusform>Der Saalplan hat %n Probleme. Beheben Sie sie zuerst; die Liste zeigt, wo sie liegen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>A seat map belongs to a venue, and no venues are known yet. Wait until the catalog has synced, then save again.</source>
        <translation>Ein Saalplan gehört zu einem Veranstaltungsort, und es sind noch keine Veranstaltungsorte bekannt. Warten Sie, bis der Katalog synchronisiert ist, und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Venue this seat map belongs to:</source>
        <translation>Veranstaltungsort dieses Saalplans:</translation>
    </message>
    <message>
        <source>Loading seat map…</source>
        <translation>Saalplan wird geladen …</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Als Version %1 gespeichert.</translation>
    </message>
    <message>
        <source>Opened version %1.</source>
        <translation>Version %1 geöffnet.</translation>
    </message>
    <message>
        <source>The server found problems in the seat map and did not save it.</source>
        <translation>Der Server hat Probleme im Saalplan gefunden und ihn nicht gespeichert.</translation>
    </message>
    <message>
        <source>The server did not understand the request.</source>
        <translation>Der Server hat die Anfrage nicht verstanden.</translation>
    </message>
    <message>
        <source>Someone saved a newer version of this seat map since you opened version %1. Reload it to see their changes; your changes are still here.</source>
        <translation>Seit Sie Version %1 geöffnet haben, hat jemand eine neuere Version dieses Saalplans gespeichert. Laden Sie ihn neu, um diese Änderungen zu sehen; Ihre Änderungen sind noch vorhanden.</translation>
    </message>
    <message>
        <source>Only organizers and admins can edit seat maps. Log in with such an account.</source>
        <translation>Nur Veranstalter und Administratoren können Saalpläne bearbeiten. Melden Sie sich mit einem solchen Konto an.</translation>
    </message>
    <message>
        <source>There is no such seat map on the server.</source>
        <translation>Diesen Saalplan gibt es auf dem Server nicht.</translation>
    </message>
    <message>
        <source>The server could not be reached. Your changes are still here; try again.</source>
        <translation>Der Server war nicht erreichbar. Ihre Änderungen sind noch vorhanden; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::LayoutProblemModel</name>
    <message>
        <source>(unnamed area)</source>
        <translation>(unbenannter Bereich)</translation>
    </message>
    <message>
        <source>row %1 seat %2</source>
        <translation>Reihe %1 Platz %2</translation>
    </message>
    <message>
        <source>%1: %2 overlaps %3</source>
        <translation>%1: %2 überlappt %3</translation>
    </message>
    <message>
        <source>%1: %2 is numbered twice</source>
        <translation>%1: %2 ist doppelt nummeriert</translation>
    </message>
    <message>
        <source>%1: row %2 appears twice</source>
        <translation>%1: Reihe %2 kommt doppelt vor</translation>
    </message>
    <message>
        <source>%1: an id is used twice (%2)</source>
        <translation>%1: eine ID wird doppelt verwendet (%2)</translation>
    </message>
    <message>
        <source>%1: %2 lies outside the area</source>
        <translation>%1: %2 liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>%1: the price category does not exist</source>
        <translation>%1: Die Preiskategorie existiert nicht</translation>
    </message>
    <message>
        <source>%1: %2 has a price category that does not exist</source>
        <translation>%1: %2 hat eine Preiskategorie, die nicht existiert</translation>
    </message>
    <message>
        <source>%1: a seat in row %2 has no number</source>
        <translation>%1: Ein Platz in Reihe %2 hat keine Nummer</translation>
    </message>
    <message>
        <source>%1: a row has no label</source>
        <translation>%1: Eine Reihe hat keine Bezeichnung</translation>
    </message>
    <message>
        <source>An area has no name</source>
        <translation>Ein Bereich hat keinen Namen</translation>
    </message>
    <message>
        <source>%1: a standing area needs a capacity above zero, a seated area none</source>
        <translation>%1: Ein Stehbereich braucht eine Kapazität über null, ein Sitzplatzbereich keine</translation>
    </message>
    <message>
        <source>%1: the outline needs at least three points</source>
        <translation>%1: Der Umriss braucht mindestens drei Punkte</translation>
    </message>
</context>
<context>
    <name>marquee::client::LeasePanel</name>
    <message>
        <source>Lease</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Übrig</translation>
    </message>
    <message>
        <source>Sold here</source>
        <translation>Hier verkauft</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Zurückgegeben</translation>
    </message>
    <message>
        <source>Lease seats for offline sales</source>
        <translation>Platzkontingent für den Offline-Verkauf</translation>
    </message>
    <message>
        <source>Lease the seats selected on the map</source>
        <translation>Die auf dem Plan ausgewählten Plätze ins Kontingent nehmen</translation>
    </message>
    <message>
        <source>Lease by category</source>
        <translation>Kontingent nach Kategorie anlegen</translation>
    </message>
    <message>
        <source>Return unsold seats of the selected lease</source>
        <translation>Unverkaufte Plätze des ausgewählten Kontingents zurückgeben</translation>
    </message>
    <message>
        <source>Refresh from the server</source>
        <translation>Vom Server aktualisieren</translation>
    </message>
    <message>
        <source>Return unsold seats when the connection comes back</source>
        <translation>Unverkaufte Plätze zurückgeben, sobald die Verbindung wiederhergestellt ist</translation>
    </message>
    <message>
        <source>Offline sales the server rejected</source>
        <translation>Vom Server abgelehnte Offline-Verkäufe</translation>
    </message>
    <message>
        <source>Offline sales the server rejected (check them with the buyer):</source>
        <translation>Vom Server abgelehnte Offline-Verkäufe (mit dem Käufer klären):</translation>
    </message>
    <message>
        <source>Leasing…</source>
        <translation>Kontingent wird angelegt …</translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation>%1 (%2):</translation>
    </message>
    <message>
        <source>Select the lease to return.</source>
        <translation>Wählen Sie das Kontingent aus, das zurückgegeben werden soll.</translation>
    </message>
    <message>
        <source>Returning…</source>
        <translation>Wird zurückgegeben …</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message numerus="yes">
        <source>Lease the %n seat(s) selected on the map</source>
        <translation>
            <numerusform>%n auf dem Plan ausgewählten Platz ins Kontingent nehmen</numerusform>
            <numerusform>%n auf dem Plan ausgewählte Plätze ins Kontingent nehmen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::LeaseService</name>
    <message>
        <source>The server cannot be reached: seats can only be leased while online.</source>
        <translation>Der Server ist nicht erreichbar: Kontingente können nur online angelegt werden.</translation>
    </message>
    <message>
        <source>Only box-office staff can lease seats or return another device's lease.</source>
        <translation>Nur Kassenpersonal kann Kontingente anlegen oder das Kontingent eines anderen Geräts zurückgeben.</translation>
    </message>
    <message>
        <source>Some of these seats are no longer free.</source>
        <translation>Einige dieser Plätze sind nicht mehr frei.</translation>
    </message>
    <message>
        <source>These seats are no longer free: %1</source>
        <translation>Diese Plätze sind nicht mehr frei: %1</translation>
    </message>
    <message>
        <source>Not enough free seats in that category to lease.</source>
        <translation>In dieser Kategorie gibt es nicht genügend freie Plätze für das Kontingent.</translation>
    </message>
    <message>
        <source>This device is not registered for offline sales yet.</source>
        <translation>Dieses Gerät ist noch nicht für den Offline-Verkauf registriert.</translation>
    </message>
    <message>
        <source>Seat %1 is no longer available in this lease.</source>
        <translation>Platz %1 ist in diesem Kontingent nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>The server does not know this lease or event.</source>
        <translation>Der Server kennt dieses Kontingent oder diese Veranstaltung nicht.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached: seats can only be leased and returned while online.</source>
        <translation>Der Server ist nicht erreichbar: Kontingente können nur online angelegt und zurückgegeben werden.</translation>
    </message>
    <message>
        <source>Only box-office staff can lease seats for offline sales.</source>
        <translation>Nur Kassenpersonal kann Kontingente für den Offline-Verkauf anlegen.</translation>
    </message>
    <message>
        <source>Choose the seats to lease first.</source>
        <translation>Wählen Sie zuerst die Plätze für das Kontingent.</translation>
    </message>
    <message>
        <source>Enter how many seats to lease in at least one category.</source>
        <translation>Geben Sie für mindestens eine Kategorie an, wie viele Plätze ins Kontingent sollen.</translation>
    </message>
    <message>
        <source>The server sent no lease.</source>
        <translation>Der Server hat kein Kontingent gesendet.</translation>
    </message>
    <message>
        <source>This lease has no seats left to return.</source>
        <translation>Dieses Kontingent hat keine Plätze mehr, die zurückgegeben werden können.</translation>
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
    <message>
        <source>Edit Seat Maps…</source>
        <translation>Saalpläne bearbeiten …</translation>
    </message>
    <message>
        <source>This event is not in the offline catalog yet; it appears once synced.</source>
        <translation>Diese Veranstaltung ist noch nicht im Offline-Katalog; sie erscheint nach der Synchronisierung.</translation>
    </message>
    <message>
        <source>Ingest Sources…</source>
        <translation>Importquellen …</translation>
    </message>
    <message>
        <source>My Orders &amp;&amp; Tickets</source>
        <translation>Meine Bestellungen &amp;&amp; Tickets</translation>
    </message>
    <message>
        <source>My Waitlist</source>
        <translation>Meine Warteliste</translation>
    </message>
    <message>
        <source>Seats are held for you for %1. Complete the booking in My Waitlist.</source>
        <translation>Für Sie sind %1 lang Plätze vorgemerkt. Schließen Sie die Buchung unter „Meine Warteliste“ ab.</translation>
    </message>
    <message>
        <source>Recommendation Settings…</source>
        <translation>Empfehlungseinstellungen …</translation>
    </message>
    <message>
        <source>Picked for you</source>
        <translation>Für Sie ausgewählt</translation>
    </message>
    <message>
        <source>Trending near you</source>
        <translation>Angesagt in Ihrer Nähe</translation>
    </message>
    <message>
        <source>All Events</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <source>For You</source>
        <translation>Für Sie</translation>
    </message>
    <message>
        <source>Trending Near You</source>
        <translation>Angesagt in Ihrer Nähe</translation>
    </message>
    <message>
        <source>Similar events</source>
        <translation>Ähnliche Veranstaltungen</translation>
    </message>
    <message>
        <source>Box Office…</source>
        <translation>Kasse …</translation>
    </message>
    <message>
        <source>Check-in…</source>
        <translation>Einlass …</translation>
    </message>
</context>
<context>
    <name>marquee::client::MyOrdersWindow</name>
    <message>
        <source>My Orders &amp; Tickets</source>
        <translation>Meine Bestellungen &amp; Tickets</translation>
    </message>
    <message>
        <source>Save tickets as PDF…</source>
        <translation>Tickets als PDF speichern …</translation>
    </message>
    <message>
        <source>Cancel order and refund</source>
        <translation>Bestellung stornieren und erstatten</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Bestellung stornieren</translation>
    </message>
    <message>
        <source>Cancel this order? The tickets become invalid and the payment is refunded.</source>
        <translation>Diese Bestellung stornieren? Die Tickets werden ungültig und die Zahlung wird erstattet.</translation>
    </message>
    <message>
        <source>The order was cancelled; the refund is on its way.</source>
        <translation>Die Bestellung wurde storniert; die Erstattung ist veranlasst.</translation>
    </message>
    <message>
        <source>Offline: showing the orders and tickets saved on this device. Tickets can still be shown at the entrance.</source>
        <translation>Offline: Es werden die auf diesem Gerät gespeicherten Bestellungen und Tickets angezeigt. Tickets können weiterhin am Einlass vorgezeigt werden.</translation>
    </message>
    <message>
        <source>No orders yet.</source>
        <translation>Noch keine Bestellungen.</translation>
    </message>
    <message>
        <source>Select an order to see its tickets.</source>
        <translation>Wählen Sie eine Bestellung aus, um ihre Tickets zu sehen.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Order &lt;b&gt;%4&lt;/b&gt; · %5 · %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Bestellung &lt;b&gt;%4&lt;/b&gt; · %5 · %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Refunded: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erstattet: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;You can cancel this order until %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sie können diese Bestellung bis %1 stornieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cancelling needs a connection.</source>
        <translation>Zum Stornieren ist eine Verbindung erforderlich.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird storniert …</translation>
    </message>
</context>
<context>
    <name>marquee::client::NumberingWidget</name>
    <message>
        <source>Left to right</source>
        <translation>Von links nach rechts</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>Von rechts nach links</translation>
    </message>
    <message>
        <source>Odd left, even right (from the centre)</source>
        <translation>Ungerade links, gerade rechts (von der Mitte aus)</translation>
    </message>
    <message>
        <source>e.g. 13</source>
        <translation>z. B. 13</translation>
    </message>
    <message>
        <source>Seat numbers never used, separated by commas</source>
        <translation>Platznummern, die nie vergeben werden, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Seat order:</source>
        <translation>Platzreihenfolge:</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>Erste Nummer:</translation>
    </message>
    <message>
        <source>Skip numbers:</source>
        <translation>Nummern auslassen:</translation>
    </message>
    <message>
        <source>Number prefix:</source>
        <translation>Nummernpräfix:</translation>
    </message>
    <message>
        <source>Skipped numbers must be whole numbers separated by commas.</source>
        <translation>Ausgelassene Nummern müssen ganze Zahlen sein, durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>marquee::client::OfflineSaleService</name>
    <message>
        <source>This device has no lease for this event.</source>
        <translation>Dieses Gerät hat kein Kontingent für diese Veranstaltung.</translation>
    </message>
    <message>
        <source>Seat %1 was already sold from this device's lease.</source>
        <translation>Platz %1 wurde bereits aus dem Kontingent dieses Geräts verkauft.</translation>
    </message>
    <message>
        <source>Seat %1 was returned to general sale and cannot be sold offline.</source>
        <translation>Platz %1 wurde in den freien Verkauf zurückgegeben und kann nicht offline verkauft werden.</translation>
    </message>
    <message>
        <source>Seat %1 is not in this device's lease.</source>
        <translation>Platz %1 gehört nicht zum Kontingent dieses Geräts.</translation>
    </message>
    <message>
        <source>Sign in as box-office staff to sell offline.</source>
        <translation>Melden Sie sich als Kassenpersonal an, um offline zu verkaufen.</translation>
    </message>
    <message>
        <source>Choose seats or how many to sell.</source>
        <translation>Wählen Sie Plätze oder die Anzahl der zu verkaufenden Plätze.</translation>
    </message>
    <message>
        <source>No seats are left in this device's lease.</source>
        <translation>Im Kontingent dieses Geräts sind keine Plätze mehr übrig.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n seat(s) left together in this device's lease.</source>
        <translation>
            <numerusform>Im Kontingent dieses Geräts ist nur noch %n zusammenhängender Platz übrig.</numerusform>
            <numerusform>Im Kontingent dieses Geräts sind nur noch %n zusammenhängende Plätze übrig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Seats %1 and %2 come from different leases: sell them separately.</source>
        <translation>Die Plätze %1 und %2 stammen aus verschiedenen Kontingenten: Verkaufen Sie sie getrennt.</translation>
    </message>
    <message>
        <source>This device's ticket key is not certified (or the certificate expired): connect once while signed in as staff.</source>
        <translation>Der Ticketschlüssel dieses Geräts ist nicht zertifiziert (oder das Zertifikat ist abgelaufen): Stellen Sie einmal eine Verbindung her, während Sie als Personal angemeldet sind.</translation>
    </message>
    <message>
        <source>The lease's price for seat %1 is unreadable; lease the seats again.</source>
        <translation>Der Kontingentpreis für Platz %1 ist nicht lesbar; legen Sie das Kontingent erneut an.</translation>
    </message>
    <message>
        <source>The ticket could not be signed: %1</source>
        <translation>Das Ticket konnte nicht signiert werden: %1</translation>
    </message>
    <message>
        <source>Not enough cash: %1 tendered, %2 due.</source>
        <translation>Nicht genug Bargeld: %1 erhalten, %2 zu zahlen.</translation>
    </message>
    <message>
        <source>Enter the card terminal's authorisation reference.</source>
        <translation>Geben Sie die Autorisierungsnummer des Kartenterminals ein.</translation>
    </message>
    <message>
        <source>Offline, only cash and the card terminal can be taken.</source>
        <translation>Offline sind nur Barzahlung und Kartenterminal möglich.</translation>
    </message>
    <message>
        <source>The sale could not be saved on this device: %1</source>
        <translation>Der Verkauf konnte auf diesem Gerät nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The server answered the upload without results.</source>
        <translation>Der Server hat auf das Hochladen ohne Ergebnisse geantwortet.</translation>
    </message>
    <message>
        <source>The upload's results could not be saved: %1</source>
        <translation>Die Ergebnisse des Hochladens konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The offline sales could not be uploaded yet: %1</source>
        <translation>Die Offline-Verkäufe konnten noch nicht hochgeladen werden: %1</translation>
    </message>
    <message>
        <source>This device's lease for this event expired on %1: connect to return it and lease seats again.</source>
        <translation>Das Kontingent dieses Geräts für diese Veranstaltung ist am %1 abgelaufen: Stellen Sie eine Verbindung her, um es zurückzugeben und erneut ein Kontingent anzulegen.</translation>
    </message>
    <message>
        <source>Seat %1 is being returned to general sale and cannot be sold offline.</source>
        <translation>Platz %1 wird gerade in den freien Verkauf zurückgegeben und kann nicht offline verkauft werden.</translation>
    </message>
    <message>
        <source>The buyer's e-mail address "%1" is not valid: correct it or leave it empty.</source>
        <translation>Die E-Mail-Adresse „%1“ des Käufers ist ungültig: Korrigieren Sie sie oder lassen Sie das Feld leer.</translation>
    </message>
    <message numerus="yes">
        <source>The buyer's name is too long (at most %n bytes; accented letters take two).</source>
        <translation>
            <numerusform>Der Name des Käufers ist zu lang (höchstens %n Byte; Umlaute und Buchstaben mit Akzent zählen doppelt).</numerusform>
            <numerusform>Der Name des Käufers ist zu lang (höchstens %n Bytes; Umlaute und Buchstaben mit Akzent zählen doppelt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The card terminal's reference is too long (at most %n bytes; accented letters take two).</source>
        <translation>
            <numerusform>Die Referenz des Kartenterminals ist zu lang (höchstens %n Byte; Umlaute und Buchstaben mit Akzent zählen doppelt).</numerusform>
            <numerusform>Die Referenz des Kartenterminals ist zu lang (höchstens %n Bytes; Umlaute und Buchstaben mit Akzent zählen doppelt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Damaged offline sales on this device could not be set aside: %1</source>
        <translation>Beschädigte Offline-Verkäufe auf diesem Gerät konnten nicht beiseitegelegt werden: %1</translation>
    </message>
    <message>
        <source>This sale's record on the device is damaged and could not be uploaded: check the printed tickets and enter the sale by hand.</source>
        <translation>Der Datensatz dieses Verkaufs auf dem Gerät ist beschädigt und konnte nicht hochgeladen werden: Prüfen Sie die gedruckten Tickets und erfassen Sie den Verkauf manuell.</translation>
    </message>
    <message>
        <source>This device was revoked by an admin: it can no longer sell offline.</source>
        <translation>Dieses Gerät wurde von einem Administrator gesperrt: Es kann nicht mehr offline verkaufen.</translation>
    </message>
    <message>
        <source>Not confirmed: this device was revoked by an admin before the server confirmed the sale. Ask an admin to look the order code up on the server: if the order is there, the sale stands; if not, its tickets are refused at the door, so refund the buyer or sell the seats again on another till.</source>
        <translation>Nicht bestätigt: Dieses Gerät wurde von einem Administrator gesperrt, bevor der Server den Verkauf bestätigt hat. Lassen Sie einen Administrator den Bestellcode auf dem Server nachsehen: Ist die Bestellung dort, gilt der Verkauf; sonst werden die Tickets am Einlass abgewiesen – erstatten Sie dann dem Käufer den Betrag oder verkaufen Sie die Plätze an einer anderen Kasse neu.</translation>
    </message>
    <message>
        <source>The offline sales of this revoked device could not be set aside: %1</source>
        <translation>Die Offline-Verkäufe dieses gesperrten Geräts konnten nicht zurückgestellt werden: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::OpenLayoutDialog</name>
    <message>
        <source>Open Seat Map</source>
        <translation>Saalplan öffnen</translation>
    </message>
    <message>
        <source>Filter by name or venue</source>
        <translation>Nach Name oder Ort filtern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Unknown venue</source>
        <translation>Unbekannter Ort</translation>
    </message>
    <message>
        <source>Seats plus standing places</source>
        <translation>Sitzplätze plus Stehplätze</translation>
    </message>
    <message>
        <source>House layout</source>
        <translation>Hausplan</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Another organizer</source>
        <translation>Anderer Veranstalter</translation>
    </message>
    <message>
        <source>Layout id %1</source>
        <translation>Plan-Kennung %1</translation>
    </message>
    <message>
        <source>No seat maps have been synced yet. Seat maps are saved from this editor (File › Save to Server) and arrive with the catalog sync.</source>
        <translation>Es wurden noch keine Saalpläne synchronisiert. Saalpläne werden aus diesem Editor gespeichert (Datei › Auf dem Server speichern) und kommen mit der Katalogsynchronisierung.</translation>
    </message>
    <message>
        <source>No seat map matches the filter.</source>
        <translation>Kein Saalplan passt zum Filter.</translation>
    </message>
</context>
<context>
    <name>marquee::client::OrderListModel</name>
    <message>
        <source>Event date</source>
        <translation>Veranstaltungsdatum</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>marquee::client::PriceCategoryDialog</name>
    <message>
        <source>New Price Category</source>
        <translation>Neue Preiskategorie</translation>
    </message>
    <message>
        <source>Edit Price Category</source>
        <translation>Preiskategorie bearbeiten</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Preis:</translation>
    </message>
    <message>
        <source>Currency (ISO code):</source>
        <translation>Währung (ISO-Code):</translation>
    </message>
    <message>
        <source>Give the category a name.</source>
        <translation>Geben Sie der Kategorie einen Namen.</translation>
    </message>
    <message>
        <source>The currency is a three-letter ISO code such as EUR.</source>
        <translation>Die Währung ist ein dreistelliger ISO-Code wie EUR.</translation>
    </message>
</context>
<context>
    <name>marquee::client::PriceCategoryPanel</name>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 standing</source>
        <translation>%1 Stehplätze</translation>
    </message>
    <message>
        <source>%1 + %2 standing</source>
        <translation>%1 + %2 Stehplätze</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Kategorie %1</translation>
    </message>
    <message>
        <source>Price Category In Use</source>
        <translation>Preiskategorie wird verwendet</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) or standing area(s) use this category. Assign them another category first.</source>
        <translation>
            <numerusform>%n Platz oder Stehbereich verwendet diese Kategorie. Weisen Sie ihm zuerst eine andere Kategorie zu.</numerusform>
            <numerusform>%n Plätze oder Stehbereiche verwenden diese Kategorie. Weisen Sie ihnen zuerst eine andere Kategorie zu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::RecommendService</name>
    <message>
        <source>The recommendations could not be saved: %1</source>
        <translation>Die Empfehlungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>You are offline: settings can be changed once connected.</source>
        <translation>Sie sind offline: Die Einstellungen können geändert werden, sobald eine Verbindung besteht.</translation>
    </message>
    <message>
        <source>Log in to change your recommendation settings.</source>
        <translation>Melden Sie sich an, um Ihre Empfehlungseinstellungen zu ändern.</translation>
    </message>
    <message>
        <source>You are offline: your history can be deleted once connected.</source>
        <translation>Sie sind offline: Ihr Verlauf kann gelöscht werden, sobald eine Verbindung besteht.</translation>
    </message>
    <message>
        <source>Log in to delete your history.</source>
        <translation>Melden Sie sich an, um Ihren Verlauf zu löschen.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>Der Server war nicht erreichbar.</translation>
    </message>
    <message>
        <source>Log in again to continue.</source>
        <translation>Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>The server refused this: %1</source>
        <translation>Der Server hat dies abgelehnt: %1</translation>
    </message>
    <message>
        <source>This event is not known to the server.</source>
        <translation>Diese Veranstaltung ist dem Server nicht bekannt.</translation>
    </message>
    <message>
        <source>Something went wrong on the server (%1).</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten (%1).</translation>
    </message>
</context>
<context>
    <name>marquee::client::RecommendationListModel</name>
    <message>
        <source>Trending within %1 km of %2</source>
        <translation>Angesagt im Umkreis von %1 km um %2</translation>
    </message>
    <message>
        <source>Trending within %1 km of you</source>
        <translation>Angesagt im Umkreis von %1 km</translation>
    </message>
    <message>
        <source>Trending this week</source>
        <translation>Diese Woche angesagt</translation>
    </message>
    <message>
        <source>Trending in %1</source>
        <translation>Angesagt in %1</translation>
    </message>
    <message>
        <source>Picked for your taste</source>
        <translation>Passend zu Ihrem Geschmack</translation>
    </message>
    <message>
        <source>Because you saved “%1”</source>
        <translation>Weil Sie „%1“ auf Ihre Merkliste gesetzt haben</translation>
    </message>
    <message>
        <source>Because you liked “%1”</source>
        <translation>Weil Ihnen „%1“ gefallen hat</translation>
    </message>
    <message>
        <source>Similar to events you looked at</source>
        <translation>Ähnlich wie Veranstaltungen, die Sie sich angesehen haben</translation>
    </message>
    <message>
        <source>Similar to “%1”</source>
        <translation>Ähnlich wie „%1“</translation>
    </message>
    <message>
        <source>Popular in your area this week</source>
        <translation>Diese Woche beliebt in Ihrer Region</translation>
    </message>
    <message>
        <source>Popular this week</source>
        <translation>Diese Woche beliebt</translation>
    </message>
    <message>
        <source>Matches your interests</source>
        <translation>Passt zu Ihren Interessen</translation>
    </message>
    <message>
        <source>Recommended for you</source>
        <translation>Für Sie empfohlen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1
%2 · %3
%4</source>
        <translation>%1
%2 · %3
%4</translation>
    </message>
    <message>
        <source>%1, %2. %3</source>
        <translation>%1, %2. %3</translation>
    </message>
    <message>
        <source>Nothing to recommend yet. Open or save a few events, or tell us your interests in the recommendation settings.</source>
        <translation>Noch keine Empfehlungen. Öffnen Sie einige Veranstaltungen oder setzen Sie sie auf Ihre Merkliste – oder geben Sie in den Empfehlungseinstellungen Ihre Interessen an.</translation>
    </message>
    <message>
        <source>No similar upcoming events.</source>
        <translation>Keine ähnlichen bevorstehenden Veranstaltungen.</translation>
    </message>
    <message>
        <source>Nothing is trending this week yet.</source>
        <translation>Diese Woche ist noch nichts angesagt.</translation>
    </message>
    <message>
        <source>Nothing is trending in your area this week yet.</source>
        <translation>In Ihrer Region ist diese Woche noch nichts angesagt.</translation>
    </message>
    <message>
        <source>Log in to see events picked for you.</source>
        <translation>Melden Sie sich an, um für Sie ausgewählte Veranstaltungen zu sehen.</translation>
    </message>
    <message>
        <source>Loading recommendations…</source>
        <translation>Empfehlungen werden geladen …</translation>
    </message>
    <message>
        <source>Offline — recommendations appear once connected.</source>
        <translation>Offline — Empfehlungen erscheinen, sobald eine Verbindung besteht.</translation>
    </message>
    <message>
        <source>Recommendations could not be loaded: %1</source>
        <translation>Die Empfehlungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Offline — showing recommendations from %1</source>
        <translation>Offline — Empfehlungen mit Stand %1</translation>
    </message>
    <message>
        <source>Could not update (%1) — showing recommendations from %2</source>
        <translation>Aktualisierung fehlgeschlagen (%1) — Empfehlungen mit Stand %2</translation>
    </message>
</context>
<context>
    <name>marquee::client::RecommendationListWidget</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Ask the server for fresh recommendations</source>
        <translation>Aktuelle Empfehlungen vom Server abrufen</translation>
    </message>
</context>
<context>
    <name>marquee::client::RecommendationSettingsDialog</name>
    <message>
        <source>Recommendation Settings</source>
        <translation>Empfehlungseinstellungen</translation>
    </message>
    <message>
        <source>Your activity</source>
        <translation>Ihre Aktivität</translation>
    </message>
    <message>
        <source>Use the events I open and search for to recommend events</source>
        <translation>Von mir geöffnete und gesuchte Veranstaltungen für Empfehlungen nutzen</translation>
    </message>
    <message>
        <source>When this is off, nothing you do is recorded, and your orders are not used for recommendations.</source>
        <translation>Ist dies ausgeschaltet, wird nichts von Ihrer Aktivität aufgezeichnet, und Ihre Bestellungen werden nicht für Empfehlungen verwendet.</translation>
    </message>
    <message>
        <source>Delete My History…</source>
        <translation>Meinen Verlauf löschen …</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>Other interests (comma-separated):</source>
        <translation>Weitere Interessen (durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>e.g. jazz, stand-up, chamber music</source>
        <translation>z. B. Jazz, Stand-up, Kammermusik</translation>
    </message>
    <message>
        <source>Your area</source>
        <translation>Ihre Region</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>Only this city</source>
        <translation>Nur diese Stadt</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Stadt:</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>Umkreis:</translation>
    </message>
    <message>
        <source>"Trending near you" and "For you" look here. A distance searches around the city's centre.</source>
        <translation>„Angesagt in Ihrer Nähe“ und „Für Sie“ beziehen sich auf diese Region. Mit einer Entfernung wird im Umkreis um das Stadtzentrum gesucht.</translation>
    </message>
    <message>
        <source>E-mail me about events on my wishlist when they…</source>
        <translation>Mich per E-Mail zu Veranstaltungen auf meiner Merkliste benachrichtigen, wenn sie …</translation>
    </message>
    <message>
        <source>are about to sell out</source>
        <translation>bald ausverkauft sind</translation>
    </message>
    <message>
        <source>drop in price</source>
        <translation>im Preis sinken</translation>
    </message>
    <message>
        <source>change date or venue</source>
        <translation>Datum oder Ort ändern</translation>
    </message>
    <message>
        <source>are cancelled</source>
        <translation>abgesagt werden</translation>
    </message>
    <message>
        <source>Also send me a weekly digest of recommended events</source>
        <translation>Mir außerdem wöchentlich eine Übersicht empfohlener Veranstaltungen senden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Your history was deleted (%n recorded action(s)).</source>
        <translation>
            <numerusform>Ihr Verlauf wurde gelöscht (%n aufgezeichnete Aktion).</numerusform>
            <numerusform>Ihr Verlauf wurde gelöscht (%n aufgezeichnete Aktionen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to 50 other interests, each at most 100 characters.</source>
        <translation>Bis zu 50 weitere Interessen mit je höchstens 100 Zeichen.</translation>
    </message>
    <message>
        <source>The city name is too long.</source>
        <translation>Der Name der Stadt ist zu lang.</translation>
    </message>
    <message>
        <source>Pick a city from the list to search within a distance of it.</source>
        <translation>Wählen Sie eine Stadt aus der Liste, um im Umkreis um sie zu suchen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Delete My History</source>
        <translation>Meinen Verlauf löschen</translation>
    </message>
    <message>
        <source>Delete everything Marquee has recorded about the events you opened, searched for, saved and booked for your recommendations?</source>
        <translation>Alles löschen, was Marquee für Ihre Empfehlungen über die von Ihnen geöffneten, gesuchten, gemerkten und gebuchten Veranstaltungen aufgezeichnet hat?</translation>
    </message>
    <message>
        <source>"For you" starts over from your interests. Your orders, tickets and wishlist stay. This cannot be undone.</source>
        <translation>„Für Sie“ beginnt dann wieder bei Ihren Interessen. Ihre Bestellungen, Tickets und Ihre Merkliste bleiben erhalten. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete History</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>Deleting your history…</source>
        <translation>Ihr Verlauf wird gelöscht …</translation>
    </message>
    <message>
        <source>Log in to change your recommendation settings.</source>
        <translation>Melden Sie sich an, um Ihre Empfehlungseinstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Offline — showing your settings as last saved; changes need a connection.</source>
        <translation>Offline — angezeigt werden Ihre zuletzt gespeicherten Einstellungen; für Änderungen ist eine Verbindung nötig.</translation>
    </message>
</context>
<context>
    <name>marquee::client::SalePanel</name>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Number of seats</source>
        <translation>Anzahl der Plätze</translation>
    </message>
    <message>
        <source>Best available</source>
        <translation>Beste Plätze</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Kartenterminal</translation>
    </message>
    <message>
        <source>Cash handed over, e.g. 50.00</source>
        <translation>Erhaltenes Bargeld, z. B. 50,00</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Erhaltener Betrag</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Tendered:</source>
        <translation>Erhalten:</translation>
    </message>
    <message>
        <source>Change due:</source>
        <translation>Rückgeld:</translation>
    </message>
    <message>
        <source>Authorisation code printed by the terminal</source>
        <translation>Vom Terminal gedruckter Autorisierungscode</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <source>Offline reference:</source>
        <translation>Offline-Referenz:</translation>
    </message>
    <message>
        <source>Buyer (optional)</source>
        <translation>Käufer (optional)</translation>
    </message>
    <message>
        <source>Walk-up customer</source>
        <translation>Laufkunde</translation>
    </message>
    <message>
        <source>Tickets by e-mail too</source>
        <translation>Tickets zusätzlich per E-Mail</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <source>Print tickets</source>
        <translation>Tickets drucken</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Enter an amount like 50.00</source>
        <translation>Geben Sie einen Betrag wie 50,00 ein</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Es fehlen %1</translation>
    </message>
    <message>
        <source>Pick seats on the map, or the best available.</source>
        <translation>Wählen Sie Plätze auf dem Plan oder die besten verfügbaren.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) chosen.</source>
        <translation>
            <numerusform>%n Platz gewählt.</numerusform>
            <numerusform>%n Plätze gewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Due: %1 + booking fees</source>
        <translation>Zu zahlen: %1 + Buchungsgebühren</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Zu zahlen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Sell %n seat(s)</source>
        <translation>
            <numerusform>%n Platz verkaufen</numerusform>
            <numerusform>%n Plätze verkaufen</numerusform>
        </translation>
    </message>
    <message>
        <source>This device has no lease for this event.</source>
        <translation>Dieses Gerät hat kein Kontingent für diese Veranstaltung.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n seat(s) left in this device's lease.</source>
        <translation>
            <numerusform>Im Kontingent dieses Geräts ist nur noch %n Platz übrig.</numerusform>
            <numerusform>Im Kontingent dieses Geräts sind nur noch %n Plätze übrig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the cash handed over.</source>
        <translation>Geben Sie das erhaltene Bargeld ein.</translation>
    </message>
    <message>
        <source>No card terminal is configured for this box office.</source>
        <translation>Für diese Kasse ist kein Kartenterminal eingerichtet.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Sold %1&lt;/b&gt; — %n ticket(s), total %2.</source>
        <translation>
            <numerusform>&lt;b&gt;Verkauf %1&lt;/b&gt; — %n Ticket, gesamt %2.</numerusform>
            <numerusform>&lt;b&gt;Verkauf %1&lt;/b&gt; — %n Tickets, gesamt %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change due: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Rückgeld: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sold offline: it is uploaded when the connection is back.</source>
        <translation>Offline verkauft: Der Verkauf wird hochgeladen, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>The tickets are still being issued; try again in a moment.</source>
        <translation>Die Tickets werden noch ausgestellt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Tickets sent to the printer.</source>
        <translation>Tickets an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Sold offline by this box office; the tickets are valid.</source>
        <translation>Offline von dieser Kasse verkauft; die Tickets sind gültig.</translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation>Beleg an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Stehbereich</translation>
    </message>
    <message>
        <source>Number of standing places</source>
        <translation>Anzahl der Stehplätze</translation>
    </message>
    <message>
        <source>Hold places</source>
        <translation>Plätze reservieren</translation>
    </message>
    <message>
        <source>Hold standing places</source>
        <translation>Stehplätze reservieren</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n left</source>
        <translation>
            <numerusform>%1 · %n frei</numerusform>
            <numerusform>%1 · %n frei</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing places are sold online only; they cannot be leased for offline sale.</source>
        <translation>Stehplätze werden nur online verkauft; sie können nicht für den Offline-Verkauf ins Kontingent genommen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s) held.</source>
        <translation>
            <numerusform>%n Stehplatz reserviert.</numerusform>
            <numerusform>%n Stehplätze reserviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sell %n standing place(s)</source>
        <translation>
            <numerusform>%n Stehplatz verkaufen</numerusform>
            <numerusform>%n Stehplätze verkaufen</numerusform>
        </translation>
    </message>
    <message>
        <source>No e-mail address: nothing is mailed. Print the tickets and hand them over.</source>
        <translation>Keine E-Mail-Adresse: Es wird nichts verschickt. Drucken Sie die Tickets aus und händigen Sie sie aus.</translation>
    </message>
</context>
<context>
    <name>marquee::client::SearchPanel</name>
    <message>
        <source>Tonight</source>
        <translation>Heute Abend</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>This weekend</source>
        <translation>Dieses Wochenende</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Kostenlos</translation>
    </message>
    <message>
        <source>Over %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Search events, performers, venues…</source>
        <translation>Veranstaltungen, Mitwirkende, Orte suchen …</translation>
    </message>
    <message>
        <source>Offline: searching the offline catalog on this device.</source>
        <translation>Offline: Es wird im Offline-Katalog auf diesem Gerät gesucht.</translation>
    </message>
    <message>
        <source>No events found</source>
        <translation>Keine Veranstaltungen gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Offline: searching the offline catalog on this device. It is still being indexed, so recently synced events may be missing.</source>
        <translation>Offline: Es wird im Offline-Katalog auf diesem Gerät gesucht. Er wird noch indiziert, daher fehlen möglicherweise kürzlich synchronisierte Veranstaltungen.</translation>
    </message>
    <message>
        <source>About %1 results</source>
        <translation>Etwa %1 Ergebnisse</translation>
    </message>
    <message>
        <source>%1+ results</source>
        <translation>Mehr als %1 Ergebnisse</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
</context>
<context>
    <name>marquee::client::SearchResultModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
</context>
<context>
    <name>marquee::client::SearchService</name>
    <message>
        <source>The search could not be run: %1</source>
        <translation>Die Suche konnte nicht ausgeführt werden: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatMapLegend</name>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatMapView</name>
    <message>
        <source>Seat map</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <source>No seat map for this event.</source>
        <translation>Für diese Veranstaltung gibt es keinen Saalplan.</translation>
    </message>
    <message>
        <source>Live seat status unavailable</source>
        <translation>Live-Platzstatus nicht verfügbar</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>Tisch %1</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Reihe %1</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>Platz %1</translation>
    </message>
    <message>
        <source>wheelchair space</source>
        <translation>Rollstuhlplatz</translation>
    </message>
    <message>
        <source>companion seat</source>
        <translation>Platz für Begleitperson</translation>
    </message>
    <message>
        <source>restricted view</source>
        <translation>Sichtbehinderung</translation>
    </message>
    <message>
        <source>aisle seat</source>
        <translation>Gangplatz</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatPropertiesPanel</name>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Kapazität:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Row and seat</source>
        <translation>Reihe und Platz</translation>
    </message>
    <message>
        <source>Seat number:</source>
        <translation>Platznummer:</translation>
    </message>
    <message>
        <source>Renumber Rows…</source>
        <translation>Reihen neu nummerieren …</translation>
    </message>
    <message>
        <source>Row label:</source>
        <translation>Reihenbezeichnung:</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Gemischt</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Preiskategorie:</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>Rollstuhlplatz</translation>
    </message>
    <message>
        <source>Companion seat</source>
        <translation>Platz für Begleitperson</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Sichtbehinderung</translation>
    </message>
    <message>
        <source>Aisle seat</source>
        <translation>Gangplatz</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Turn the selection around its centre (clockwise for positive angles)</source>
        <translation>Auswahl um ihren Mittelpunkt drehen (bei positiven Winkeln im Uhrzeigersinn)</translation>
    </message>
    <message>
        <source>Turn by:</source>
        <translation>Drehen um:</translation>
    </message>
    <message>
        <source>Nothing selected. Click a seat or an area, or drag a rectangle around seats.</source>
        <translation>Nichts ausgewählt. Klicken Sie auf einen Platz oder Bereich, oder ziehen Sie ein Rechteck um Plätze auf.</translation>
    </message>
    <message numerus="yes">
        <source>%n area(s) selected</source>
        <translation>
            <numerusform>%n Bereich ausgewählt</numerusform>
            <numerusform>%n Bereiche ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n Platz ausgewählt</numerusform>
            <numerusform>%n Plätze ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n row(s)</source>
        <translation>
            <numerusform>in %n Reihe</numerusform>
            <numerusform>in %n Reihen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n area(s)</source>
        <translation>
            <numerusform>aus %n Bereich</numerusform>
            <numerusform>aus %n Bereichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Stehbereich</translation>
    </message>
    <message>
        <source>Seated area</source>
        <translation>Sitzplatzbereich</translation>
    </message>
    <message>
        <source>several rows</source>
        <translation>mehrere Reihen</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatingService</name>
    <message>
        <source>The seat map for this event has not been synced yet.</source>
        <translation>Der Saalplan für diese Veranstaltung wurde noch nicht synchronisiert.</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatsDialog</name>
    <message>
        <source>Seats — %1</source>
        <translation>Plätze — %1</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Whole venue</source>
        <translation>Gesamtansicht</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Your selection</source>
        <translation>Ihre Auswahl</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <source>Block selected seats</source>
        <translation>Ausgewählte Plätze sperren</translation>
    </message>
    <message>
        <source>Unblock selected seats</source>
        <translation>Ausgewählte Plätze freigeben</translation>
    </message>
    <message>
        <source>Live seat status is unavailable: %1</source>
        <translation>Der Live-Platzstatus ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>This event has no seat map yet, or it has not been synced to this device.</source>
        <translation>Diese Veranstaltung hat noch keinen Saalplan, oder er wurde noch nicht auf dieses Gerät synchronisiert.</translation>
    </message>
    <message>
        <source>Loading live seat status…</source>
        <translation>Live-Platzstatus wird geladen …</translation>
    </message>
    <message>
        <source>Offline: showing the saved seat map. Live seat status is unavailable.</source>
        <translation>Offline: Der gespeicherte Saalplan wird angezeigt. Der Live-Platzstatus ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Select available seats to block.</source>
        <translation>Wählen Sie verfügbare Plätze aus, um sie zu sperren.</translation>
    </message>
    <message>
        <source>Select blocked seats to unblock.</source>
        <translation>Wählen Sie gesperrte Plätze aus, um sie freizugeben.</translation>
    </message>
    <message numerus="yes">
        <source>Blocking %n seat(s)…</source>
        <translation>
            <numerusform>%n Platz wird gesperrt …</numerusform>
            <numerusform>%n Plätze werden gesperrt …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unblocking %n seat(s)…</source>
        <translation>
            <numerusform>%n Platz wird freigegeben …</numerusform>
            <numerusform>%n Plätze werden freigegeben …</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: you may block seats of your own events only.</source>
        <translation>Es wurde nichts geändert: Sie dürfen nur Plätze Ihrer eigenen Veranstaltungen sperren.</translation>
    </message>
    <message>
        <source>Nothing was changed: the server did not answer. Try again when online.</source>
        <translation>Es wurde nichts geändert: Der Server hat nicht geantwortet. Versuchen Sie es erneut, sobald Sie online sind.</translation>
    </message>
    <message>
        <source>Nothing was changed. The server refused: %1</source>
        <translation>Es wurde nichts geändert. Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, Reihe %2, Platz %3</translation>
    </message>
    <message>
        <source>No seats selected. Click seats on the map, or move with the arrow keys and press Space.</source>
        <translation>Keine Plätze ausgewählt. Klicken Sie Plätze im Saalplan an, oder bewegen Sie sich mit den Pfeiltasten und drücken Sie die Leertaste.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer Platz</numerusform>
            <numerusform>… und %n weitere Plätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n Platz ausgewählt</numerusform>
            <numerusform>%n Plätze ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source> — total %1</source>
        <translation> — insgesamt %1</translation>
    </message>
    <message>
        <source>Point at a seat or tap it to see its section, row, price and features.</source>
        <translation>Zeigen Sie auf einen Platz oder tippen Sie ihn an, um Block, Reihe, Preis und Merkmale zu sehen.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Buchen</translation>
    </message>
</context>
<context>
    <name>marquee::client::WaitlistPanel</name>
    <message>
        <source>My waitlist</source>
        <translation>Meine Warteliste</translation>
    </message>
    <message>
        <source>You are not on any waitlist. When an event is sold out, join its waitlist from the event page.</source>
        <translation>Sie stehen auf keiner Warteliste. Ist eine Veranstaltung ausverkauft, können Sie sich auf der Veranstaltungsseite in ihre Warteliste eintragen.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s), any category</source>
        <translation>
            <numerusform>%n Platz, beliebige Kategorie</numerusform>
            <numerusform>%n Plätze, beliebige Kategorie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s), %1</source>
        <translation>
            <numerusform>%n Platz, %1</numerusform>
            <numerusform>%n Plätze, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The offer has lapsed.</source>
        <translation>Das Angebot ist abgelaufen.</translation>
    </message>
    <message>
        <source>Held for you for %1 more</source>
        <translation>Noch %1 für Sie vorgemerkt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Offered seats</source>
        <translation>Angebotene Plätze</translation>
    </message>
    <message>
        <source>No seats side by side were free, so these seats are apart.</source>
        <translation>Es waren keine nebeneinanderliegenden Plätze frei, daher liegen diese Plätze getrennt.</translation>
    </message>
    <message>
        <source>Complete booking</source>
        <translation>Buchung abschließen</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Leave waitlist</source>
        <translation>Warteliste verlassen</translation>
    </message>
</context>
<context>
    <name>marquee::client::WaitlistService</name>
    <message>
        <source>Log in to join the waitlist.</source>
        <translation>Melden Sie sich an, um sich in die Warteliste einzutragen.</translation>
    </message>
    <message>
        <source>You are offline. Join the waitlist once the connection is back.</source>
        <translation>Sie sind offline. Tragen Sie sich in die Warteliste ein, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>You are offline. Leave the waitlist once the connection is back.</source>
        <translation>Sie sind offline. Verlassen Sie die Warteliste, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>Waiting — number %1 in line</source>
        <translation>Wartend — Platz %1 in der Warteschlange</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Seats offered to you</source>
        <translation>Ihnen angebotene Plätze</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Offer lapsed</source>
        <translation>Angebot abgelaufen</translation>
    </message>
    <message>
        <source>Left the waitlist</source>
        <translation>Warteliste verlassen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>You could not leave the waitlist: %1</source>
        <translation>Sie konnten die Warteliste nicht verlassen: %1</translation>
    </message>
    <message>
        <source>An order is being paid from this offer; it cannot be left now.</source>
        <translation>Für dieses Angebot wird gerade eine Bestellung bezahlt; die Warteliste kann jetzt nicht verlassen werden.</translation>
    </message>
    <message>
        <source>This waitlist entry is not yours.</source>
        <translation>Dieser Wartelisteneintrag gehört nicht Ihnen.</translation>
    </message>
    <message>
        <source>You are already on the waitlist for this event and category.</source>
        <translation>Sie stehen bereits auf der Warteliste für diese Veranstaltung und Kategorie.</translation>
    </message>
    <message>
        <source>Enough seats are still free, though not side by side. Pick them on the seat map.</source>
        <translation>Es sind noch genügend Plätze frei, allerdings nicht nebeneinander. Wählen Sie sie im Saalplan aus.</translation>
    </message>
    <message>
        <source>Enough seats are still free. Hold them now instead of waiting.</source>
        <translation>Es sind noch genügend Plätze frei. Merken Sie sie jetzt vor, statt zu warten.</translation>
    </message>
    <message>
        <source>This event has no seat map, so it has no waitlist.</source>
        <translation>Diese Veranstaltung hat keinen Saalplan und daher keine Warteliste.</translation>
    </message>
    <message>
        <source>This event is cancelled or over.</source>
        <translation>Diese Veranstaltung wurde abgesagt oder ist vorbei.</translation>
    </message>
    <message numerus="yes">
        <source>The event has only %n seat(s) in this category.</source>
        <translation>
            <numerusform>Die Veranstaltung hat in dieser Kategorie nur %n Platz.</numerusform>
            <numerusform>Die Veranstaltung hat in dieser Kategorie nur %n Plätze.</numerusform>
        </translation>
    </message>
    <message>
        <source>The waitlist request was refused: %1</source>
        <translation>Die Anfrage für die Warteliste wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>The connection dropped. Try again when it is back.</source>
        <translation>Die Verbindung wurde unterbrochen. Versuchen Sie es erneut, sobald sie wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>Joining the waitlist failed: %1</source>
        <translation>Eintragen in die Warteliste fehlgeschlagen: %1</translation>
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
<context>
    <name>marquee::client::kiosk::AttractScreen</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Staff menu (press and hold)</source>
        <translation>Personalmenü (gedrückt halten)</translation>
    </message>
    <message>
        <source>Tickets here</source>
        <translation>Tickets hier</translation>
    </message>
    <message>
        <source>Buy tickets for today's and upcoming events. Touch the screen to start.</source>
        <translation>Kaufen Sie Tickets für heutige und kommende Veranstaltungen. Berühren Sie den Bildschirm, um zu beginnen.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Zum Starten berühren</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Coming up:</source>
        <translation>Demnächst:</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::CashScreen</name>
    <message>
        <source>Cash payment</source>
        <translation>Barzahlung</translation>
    </message>
    <message>
        <source>Amount received:</source>
        <translation>Erhaltener Betrag:</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Bargeld erhalten</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>Zu zahlen: %1</translation>
    </message>
    <message>
        <source>Enter an amount like %1</source>
        <translation>Geben Sie einen Betrag wie %1 ein</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Es fehlen %1</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <translation>Rückgeld: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::DoneScreen</name>
    <message>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message numerus="yes">
        <source>Order &lt;b&gt;%1&lt;/b&gt;: %n ticket(s) for %2, %3 paid.</source>
        <translation>
            <numerusform>Bestellung &lt;b&gt;%1&lt;/b&gt;: %n Ticket für %2, %3 bezahlt.</numerusform>
            <numerusform>Bestellung &lt;b&gt;%1&lt;/b&gt;: %n Tickets für %2, %3 bezahlt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change due: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Rückgeld: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::EventsScreen</name>
    <message>
        <source>Choose an event</source>
        <translation>Wählen Sie eine Veranstaltung</translation>
    </message>
    <message>
        <source>There are no events on sale at this kiosk right now.</source>
        <translation>An diesem Kiosk sind derzeit keine Veranstaltungen im Verkauf.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Vorherige</translation>
    </message>
    <message>
        <source>More events ▶</source>
        <translation>Weitere Veranstaltungen ▶</translation>
    </message>
    <message>
        <source>TODAY %1</source>
        <translation>HEUTE %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::KioskWindow</name>
    <message>
        <source>Marquee kiosk</source>
        <translation>Marquee-Kiosk</translation>
    </message>
    <message>
        <source>Yes, I'm still here</source>
        <translation>Ja, ich bin noch da</translation>
    </message>
    <message numerus="yes">
        <source>Are you still there?
Starting over in %n second(s).</source>
        <translation>
            <numerusform>Sind Sie noch da?
Zurück zum Start in %n Sekunde.</numerusform>
            <numerusform>Sind Sie noch da?
Zurück zum Start in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of service: no staff account is signed in on this kiosk.</source>
        <translation>Außer Betrieb: An diesem Kiosk ist kein Personalkonto angemeldet.</translation>
    </message>
    <message>
        <source>Out of service: the signed-in account may not sell at a kiosk.</source>
        <translation>Außer Betrieb: Das angemeldete Konto darf nicht an einem Kiosk verkaufen.</translation>
    </message>
    <message>
        <source>Out of service: no connection to the ticket server. Please use the box office.</source>
        <translation>Außer Betrieb: Keine Verbindung zum Ticketserver. Bitte wenden Sie sich an die Kasse.</translation>
    </message>
    <message>
        <source>Out of service while offline: card payments need the connection. Please use the box office.</source>
        <translation>Außer Betrieb, solange keine Verbindung besteht: Kartenzahlungen erfordern eine Verbindung. Bitte wenden Sie sich an die Kasse.</translation>
    </message>
    <message>
        <source>Offline: selling from the seats reserved for this kiosk (%1 left). The sale is confirmed with the server when the connection is back.</source>
        <translation>Offline: Verkauf aus den für diesen Kiosk reservierten Plätzen (%1 übrig). Der Verkauf wird mit dem Server bestätigt, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>Offline, and no seats reserved for this kiosk are left for this event.</source>
        <translation>Offline, und für diese Veranstaltung sind keine für diesen Kiosk reservierten Plätze mehr übrig.</translation>
    </message>
    <message>
        <source>Offline: only %1 of the seats reserved for this kiosk are left.</source>
        <translation>Offline: Von den für diesen Kiosk reservierten Plätzen sind nur noch %1 übrig.</translation>
    </message>
    <message>
        <source>Finding the best seats…</source>
        <translation>Die besten Plätze werden gesucht …</translation>
    </message>
    <message>
        <source>Holding your seats…</source>
        <translation>Ihre Plätze werden vorgemerkt …</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
    <message>
        <source>Tickets: %1 (booking fees, if any, are added at payment)</source>
        <translation>Tickets: %1 (eventuelle Buchungsgebühren kommen beim Bezahlen hinzu)</translation>
    </message>
    <message>
        <source>Card payments are not available at this kiosk right now.</source>
        <translation>Kartenzahlung ist an diesem Kiosk derzeit nicht möglich.</translation>
    </message>
    <message>
        <source>Card payments need the connection to the ticket server.</source>
        <translation>Kartenzahlungen erfordern eine Verbindung zum Ticketserver.</translation>
    </message>
    <message>
        <source>Kiosk customer</source>
        <translation>Kiosk-Kunde</translation>
    </message>
    <message>
        <source>Please pay at the card terminal</source>
        <translation>Bitte zahlen Sie am Kartenterminal</translation>
    </message>
    <message>
        <source>Insert, tap or swipe your card and follow the instructions on the terminal.</source>
        <translation>Stecken Sie Ihre Karte ein, halten Sie sie an das Terminal oder ziehen Sie sie durch und folgen Sie den Anweisungen auf dem Terminal.</translation>
    </message>
    <message>
        <source>Recording the cash payment…</source>
        <translation>Barzahlung wird erfasst …</translation>
    </message>
    <message>
        <source>One moment please.</source>
        <translation>Einen Moment bitte.</translation>
    </message>
    <message>
        <source>The sale could not be completed</source>
        <translation>Der Verkauf konnte nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>Your time ran out</source>
        <translation>Ihre Zeit ist abgelaufen</translation>
    </message>
    <message>
        <source>Payment declined</source>
        <translation>Zahlung abgelehnt</translation>
    </message>
    <message>
        <source>Payment not completed</source>
        <translation>Zahlung nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Your seats stay held for %1 more minutes.</source>
        <translation>Ihre Plätze bleiben noch %1 Minuten vorgemerkt.</translation>
    </message>
    <message>
        <source>Payment accepted</source>
        <translation>Zahlung akzeptiert</translation>
    </message>
    <message>
        <source>Printing your tickets…</source>
        <translation>Ihre Tickets werden gedruckt …</translation>
    </message>
    <message>
        <source>Sold offline from this kiosk's reserved seats; confirmed with the server when the kiosk is back online.</source>
        <translation>Offline aus den reservierten Plätzen dieses Kiosks verkauft; wird mit dem Server bestätigt, sobald der Kiosk wieder online ist.</translation>
    </message>
    <message>
        <source>Sold offline: the sale is confirmed with the server when the connection is back. Please take your tickets and your receipt.</source>
        <translation>Offline verkauft: Der Verkauf wird mit dem Server bestätigt, sobald die Verbindung wiederhergestellt ist. Bitte entnehmen Sie Ihre Tickets und Ihren Beleg.</translation>
    </message>
    <message>
        <source>Please take your tickets and your receipt.</source>
        <translation>Bitte entnehmen Sie Ihre Tickets und Ihren Beleg.</translation>
    </message>
    <message>
        <source>Printing failed (%1). Your order is paid: please show the order code to staff.</source>
        <translation>Der Druck ist fehlgeschlagen (%1). Ihre Bestellung ist bezahlt: Bitte zeigen Sie dem Personal den Bestellcode.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele falsche PINs. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele falsche PINs. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in as %1 · %2 · device %3</source>
        <translation>Angemeldet als %1 · %2 · Gerät %3</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>No staff PIN is set. Set one with: marquee --set-kiosk-pin</source>
        <translation>Es ist keine Personal-PIN festgelegt. Legen Sie eine fest mit: marquee --set-kiosk-pin</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Too many wrong PINs: try again in %n second(s).</source>
        <translation>
            <numerusform>Falsche PIN. Zu viele falsche PINs: Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Falsche PIN. Zu viele falsche PINs: Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>Eine PIN hat 4 bis 12 Ziffern.</translation>
    </message>
    <message>
        <source>The two PINs differ. Enter the new PIN again.</source>
        <translation>Die beiden PINs stimmen nicht überein. Geben Sie die neue PIN erneut ein.</translation>
    </message>
    <message>
        <source>The PIN could not be saved (%1).</source>
        <translation>Die PIN konnte nicht gespeichert werden (%1).</translation>
    </message>
    <message>
        <source>The staff PIN was changed.</source>
        <translation>Die Personal-PIN wurde geändert.</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Your tickets are delayed</source>
        <translation>Ihre Tickets verzögern sich</translation>
    </message>
    <message>
        <source>Your order %1 is paid, but its tickets have not arrived yet. Please show this code to staff: they will print your tickets.</source>
        <translation>Ihre Bestellung %1 ist bezahlt, aber die Tickets sind noch nicht eingetroffen. Bitte zeigen Sie diesen Code dem Personal: Dort werden Ihre Tickets gedruckt.</translation>
    </message>
    <message>
        <source>Holding your standing places…</source>
        <translation>Ihre Stehplätze werden reserviert …</translation>
    </message>
    <message>
        <source>Standing, %1</source>
        <translation>Stehplatz, %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::LeasePage</name>
    <message>
        <source>Seats for offline sale</source>
        <translation>Plätze für den Offline-Verkauf</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Vorherige Veranstaltung</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Nächste Veranstaltung</translation>
    </message>
    <message>
        <source>Lease seats (best seats of each category):</source>
        <translation>Plätze ins Kontingent nehmen (die besten Plätze jeder Kategorie):</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Offline sales the server rejected (check them with the buyer):</source>
        <translation>Vom Server abgelehnte Offline-Verkäufe (mit dem Käufer klären):</translation>
    </message>
    <message>
        <source>◀ Staff menu</source>
        <translation>◀ Personalmenü</translation>
    </message>
    <message>
        <source>Refresh from the server</source>
        <translation>Vom Server aktualisieren</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird gefragt …</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) returned to general sale.</source>
        <translation>
            <numerusform>%n Platz ist wieder im freien Verkauf.</numerusform>
            <numerusform>%n Plätze sind wieder im freien Verkauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leases updated from the server.</source>
        <translation>Kontingente vom Server aktualisiert.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>One seat less of %1</source>
        <translation>Ein Platz weniger in %1</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>One seat more of %1</source>
        <translation>Ein Platz mehr in %1</translation>
    </message>
    <message>
        <source>+10</source>
        <translation>+10</translation>
    </message>
    <message>
        <source>Ten seats more of %1</source>
        <translation>Zehn Plätze mehr in %1</translation>
    </message>
    <message>
        <source>Leasing… the seats are taken out of general sale.</source>
        <translation>Kontingent wird angelegt … Die Plätze werden aus dem freien Verkauf genommen.</translation>
    </message>
    <message>
        <source>Online: leased seats are taken out of general sale, so this kiosk can sell them while the network is down.</source>
        <translation>Online: Kontingentplätze werden aus dem freien Verkauf genommen, damit dieser Kiosk sie auch bei Netzausfall verkaufen kann.</translation>
    </message>
    <message>
        <source>Offline: leasing and returning need the connection. This kiosk keeps selling from the seats it holds.</source>
        <translation>Offline: Kontingente anlegen und zurückgeben geht nur mit Verbindung. Dieser Kiosk verkauft weiter aus seinen Kontingentplätzen.</translation>
    </message>
    <message numerus="yes">
        <source>%n offline sale(s) not yet uploaded to the server.</source>
        <translation>
            <numerusform>%n Offline-Verkauf ist noch nicht zum Server hochgeladen.</numerusform>
            <numerusform>%n Offline-Verkäufe sind noch nicht zum Server hochgeladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every offline sale is uploaded.</source>
        <translation>Alle Offline-Verkäufe sind hochgeladen.</translation>
    </message>
    <message>
        <source>No upcoming event with a seat map to lease for.</source>
        <translation>Keine anstehende Veranstaltung mit Saalplan für ein Kontingent.</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message numerus="yes">
        <source>Lease %n seat(s)</source>
        <translation>
            <numerusform>%n Platz ins Kontingent nehmen</numerusform>
            <numerusform>%n Plätze ins Kontingent nehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Leased until %1</source>
        <translation>Kontingent bis %1</translation>
    </message>
    <message>
        <source>Expired %1: the server returns its unsold seats</source>
        <translation>Abgelaufen %1: Der Server gibt die unverkauften Plätze zurück</translation>
    </message>
    <message>
        <source>Returned: its unsold seats are back in general sale</source>
        <translation>Zurückgegeben: Die unverkauften Plätze sind wieder im freien Verkauf</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) leased</source>
        <translation>
            <numerusform>%n Platz im Kontingent</numerusform>
            <numerusform>%n Plätze im Kontingent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to sell here</source>
        <translation>
            <numerusform>%n hier zu verkaufen</numerusform>
            <numerusform>%n hier zu verkaufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sold offline, not yet uploaded</source>
        <translation>
            <numerusform>%n offline verkauft, noch nicht hochgeladen</numerusform>
            <numerusform>%n offline verkauft, noch nicht hochgeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sold and confirmed</source>
        <translation>
            <numerusform>%n verkauft und bestätigt</numerusform>
            <numerusform>%n verkauft und bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n returned</source>
        <translation>
            <numerusform>%n zurückgegeben</numerusform>
            <numerusform>%n zurückgegeben</numerusform>
        </translation>
    </message>
    <message>
        <source>Lease %1 · %2</source>
        <translation>Kontingent %1 · %2</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message numerus="yes">
        <source>Return the %n unsold seat(s)</source>
        <translation>
            <numerusform>Den %n unverkauften Platz zurückgeben</numerusform>
            <numerusform>Die %n unverkauften Plätze zurückgeben</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to return</source>
        <translation>Nichts zurückzugeben</translation>
    </message>
    <message>
        <source>Returning the unsold seats…</source>
        <translation>Unverkaufte Plätze werden zurückgegeben …</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>To sell here: %1</source>
        <translation>Hier zu verkaufen: %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::OnScreenKeypad</name>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ Löschen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>Letztes Zeichen löschen</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::ProcessingScreen</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Cancel and release the seats</source>
        <translation>Abbrechen und Plätze freigeben</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::SeatsScreen</name>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Whole venue</source>
        <translation>Gesamtansicht</translation>
    </message>
    <message>
        <source>How many tickets?</source>
        <translation>Wie viele Tickets?</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>One ticket fewer</source>
        <translation>Ein Ticket weniger</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>One ticket more</source>
        <translation>Ein Ticket mehr</translation>
    </message>
    <message>
        <source>Or tap seats on the map, then:</source>
        <translation>Oder tippen Sie auf Plätze im Plan, dann:</translation>
    </message>
    <message>
        <source>◀ Back to events</source>
        <translation>◀ Zurück zu den Veranstaltungen</translation>
    </message>
    <message>
        <source>Best available (%1)</source>
        <translation>Beste Plätze (%1)</translation>
    </message>
    <message>
        <source>Book the seats I tapped</source>
        <translation>Angetippte Plätze buchen</translation>
    </message>
    <message numerus="yes">
        <source>Book %n tapped seat(s)</source>
        <translation>
            <numerusform>%n angetippten Platz buchen</numerusform>
            <numerusform>%n angetippte Plätze buchen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s), %1</source>
        <translation>
            <numerusform>%n Stehplatz, %1</numerusform>
            <numerusform>%n Stehplätze, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::StaffScreen</name>
    <message>
        <source>Staff PIN</source>
        <translation>Personal-PIN</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Staff menu</source>
        <translation>Personalmenü</translation>
    </message>
    <message>
        <source>Back to the start after:</source>
        <translation>Zurück zum Start nach:</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Shorter idle timeout</source>
        <translation>Kürzere Leerlaufzeit</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Longer idle timeout</source>
        <translation>Längere Leerlaufzeit</translation>
    </message>
    <message>
        <source>Cash payments:</source>
        <translation>Barzahlung:</translation>
    </message>
    <message>
        <source>Card terminal:</source>
        <translation>Kartenterminal:</translation>
    </message>
    <message>
        <source>Print to:</source>
        <translation>Drucken auf:</translation>
    </message>
    <message>
        <source>Ticket paper:</source>
        <translation>Ticketpapier:</translation>
    </message>
    <message>
        <source>◀ Back to the kiosk</source>
        <translation>◀ Zurück zum Kiosk</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus beenden</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>New staff PIN (4 to 12 digits)</source>
        <translation>Neue Personal-PIN (4 bis 12 Ziffern)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>The new PIN again</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>PIN festlegen</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) without a touch</source>
        <translation>
            <numerusform>%n Sekunde ohne Berührung</numerusform>
            <numerusform>%n Sekunden ohne Berührung</numerusform>
        </translation>
    </message>
    <message>
        <source>On: staff take cash at this kiosk</source>
        <translation>Ein: Das Personal nimmt an diesem Kiosk Bargeld an</translation>
    </message>
    <message>
        <source>Off: card only</source>
        <translation>Aus: nur Karte</translation>
    </message>
    <message>
        <source>None offered by the server</source>
        <translation>Vom Server keines angeboten</translation>
    </message>
    <message>
        <source>First available</source>
        <translation>Erstes verfügbares</translation>
    </message>
    <message>
        <source>PDF files in %1</source>
        <translation>PDF-Dateien in %1</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Drucker %1</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80-mm-Rolle</translation>
    </message>
    <message>
        <source>A6 ticket stock</source>
        <translation>A6-Ticketkarton</translation>
    </message>
    <message>
        <source>Offline sales:</source>
        <translation>Offline-Verkäufe:</translation>
    </message>
    <message>
        <source>Seats leased to this kiosk…</source>
        <translation>Kontingent dieses Kiosks …</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::SummaryScreen</name>
    <message>
        <source>E-mail me the tickets too (optional)</source>
        <translation>Tickets zusätzlich per E-Mail senden (optional)</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>How would you like to pay?</source>
        <translation>Wie möchten Sie bezahlen?</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>Mit Karte zahlen</translation>
    </message>
    <message>
        <source>Pay cash (staff)</source>
        <translation>Bar zahlen (beim Personal)</translation>
    </message>
    <message>
        <source>Cancel and release the seats</source>
        <translation>Abbrechen und Plätze freigeben</translation>
    </message>
    <message>
        <source>Your seats are held for %1</source>
        <translation>Ihre Plätze sind %1 vorgemerkt</translation>
    </message>
</context>
<context>
    <name>marquee::client::tickets::TicketWidget</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Void ticket for %1, %2</source>
        <translation>Ungültiges Ticket für %1, %2</translation>
    </message>
    <message>
        <source>Ticket for %1, %2, %3</source>
        <translation>Ticket für %1, %2, %3</translation>
    </message>
    <message>
        <source>No ticket selected</source>
        <translation>Kein Ticket ausgewählt</translation>
    </message>
</context>
</TS>
