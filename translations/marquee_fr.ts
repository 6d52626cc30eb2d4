<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EventFormat</name>
    <message>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>price range</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Reporté</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Complet</translation>
    </message>
</context>
<context>
    <name>LayoutCommands</name>
    <message>
        <source>Add area “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add standing area “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit area “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows can only be added to a seated area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Generate %n seat(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n seat(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n area(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renumber %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Assign price category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set seat flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear seat flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename row to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renumber seat to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add price category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit price category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove price category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove background image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set background image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayoutEditorWindow</name>
    <message>
        <source>New seat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceCategoryCombo</name>
    <message>
        <source>No category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatMap</name>
    <message>
        <source>Seat map: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys move between seats, Enter or Space selects, plus and minus zoom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation type="unfinished">Complet</translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leased to a box office</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatingService</name>
    <message>
        <source>The stored seat map is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored seat map cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Marquee event client</source>
        <translation>Client d’événements Marquee</translation>
    </message>
    <message>
        <source>Sync server URL (remembered).</source>
        <translation>URL du serveur de synchronisation (mémorisée).</translation>
    </message>
    <message>
        <source>User interface language: de, fr or en.</source>
        <translation>Langue de l’interface : de, fr ou en.</translation>
    </message>
    <message>
        <source>Directory for the local cache.</source>
        <translation>Dossier du cache local.</translation>
    </message>
    <message>
        <source>Marquee</source>
        <translation>Marquee</translation>
    </message>
    <message>
        <source>The local cache could not be opened:
%1</source>
        <translation>Le cache local n&apos;a pas pu être ouvert :
%1</translation>
    </message>
</context>
<context>
    <name>marquee::client::AccountService</name>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>Votre session a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Saisissez une adresse e-mail valide.</translation>
    </message>
    <message numerus="yes">
        <source>The password is too weak: use at least %n characters.</source>
        <translation>
            <numerusform>Le mot de passe est trop faible : utilisez au moins %n caractère.</numerusform>
            <numerusform>Le mot de passe est trop faible : utilisez au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong e-mail address or password.</source>
        <translation>Adresse e-mail ou mot de passe incorrect.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>An account with this e-mail address already exists.</source>
        <translation>Un compte existe déjà pour cette adresse e-mail.</translation>
    </message>
    <message>
        <source>The server rejected the request: %1</source>
        <translation>Le serveur a refusé la demande : %1</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check your connection and try again.</source>
        <translation>Le serveur est injoignable. Vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Le serveur est occupé. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Une erreur s&apos;est produite : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::AddTableDialog</name>
    <message>
        <source>Add Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table radius:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the table a label.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::CategoryModel</name>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
</context>
<context>
    <name>marquee::client::ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Syncing… %1</source>
        <translation>Synchronisation… %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>dernière synchro %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
</context>
<context>
    <name>marquee::client::EventDetailWidget</name>
    <message>
        <source>Select an event to see its details.</source>
        <translation>Sélectionnez un événement pour voir ses détails.</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Où :</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Prix :</translation>
    </message>
    <message>
        <source>Performers:</source>
        <translation>Artistes :</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Mots-clés :</translation>
    </message>
    <message>
        <source>%1
until %2</source>
        <translation>%1
jusqu&apos;au %2</translation>
    </message>
    <message>
        <source>%1
%2, %3</source>
        <translation>%1
%2, %3</translation>
    </message>
    <message>
        <source>Venue not known yet</source>
        <translation>Lieu pas encore connu</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>★ On your wishlist</source>
        <translation>★ Dans vos favoris</translation>
    </message>
    <message>
        <source>☆ Add to wishlist</source>
        <translation>☆ Ajouter aux favoris</translation>
    </message>
    <message>
        <source>Seats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the seat map with live availability</source>
        <translation type="unfinished"></translation>
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
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>marquee::client::GenerateRowsDialog</name>
    <message>
        <source>Generate Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New area name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Straight rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arc (curved rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One number for every row, or one per row separated by commas (front row first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats per row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More seats in longer back rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front row radius:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From angle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To angle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters (A, B, C …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers (1, 2, 3 …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row labels never used, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First label nearest the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats per row must be a number, or one number per row separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Give one seat count for all rows or exactly %n count(s), one per row.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Give the new area a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::LayoutEditorWindow</name>
    <message>
        <source>x %1 cm, y %2 cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open from Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload from Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Background Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Background Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;number Rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click seats or areas; drag to move; drag a rectangle to select; drag the round handle to rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to move the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle to create a seated or standing area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click where the front row should start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click where a round table should go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to place the stage (best seats are closest to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Seat Map Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 seats in %n area(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seat map has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Seat Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat maps (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Seat Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a seat map this editor can read. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 with %n problem(s) to fix.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background Image for Tracing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.svg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only SVG and PNG images can be used for tracing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be read as an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows were generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seated (add rows next)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing (general admission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished">Nom :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of what the audience faces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select seats in the rows to renumber first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renumber Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row with a selected seat is numbered again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows were not renumbered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockwise angle in degrees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open from Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The seat map has %n problem(s). Fix them first; the list shows where they are.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seat map belongs to a venue, and no venues are known yet. Wait until the catalog has synced, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1, %2</translation>
    </message>
    <message>
        <source>Venue this seat map belongs to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading seat map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server found problems in the seat map and did not save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not understand the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone saved a newer version of this seat map since you opened version %1. Reload it to see their changes; your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only organizers and admins can edit seat maps. Log in with such an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such seat map on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Your changes are still here; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::LayoutProblemModel</name>
    <message>
        <source>(unnamed area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 seat %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 overlaps %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is numbered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row %2 appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: an id is used twice (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 lies outside the area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the price category does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 has a price category that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a seat in row %2 has no number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a row has no label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An area has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a standing area needs a capacity above zero, a seated area none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the outline needs at least three points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::LoginDialog</name>
    <message>
        <source>Marquee account</source>
        <translation>Compte Marquee</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>au moins 10 caractères</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>S&apos;inscrire</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer le compte</translation>
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
        <translation>Compte</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>S&apos;inscrire…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Wishlist only</source>
        <translation>Favoris uniquement</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>Wishlist</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <source>Local cache error: %1</source>
        <translation>Erreur du cache local : %1</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Log in to keep a wishlist.</source>
        <translation>Connectez-vous pour tenir une liste de favoris.</translation>
    </message>
    <message>
        <source>Edit Seat Maps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event is not in the offline catalog yet; it appears once synced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::NumberingWidget</name>
    <message>
        <source>Left to right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odd left, even right (from the centre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat numbers never used, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip numbers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped numbers must be whole numbers separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::PriceCategoryDialog</name>
    <message>
        <source>New Price Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Price Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished">Nom :</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation type="unfinished">Prix :</translation>
    </message>
    <message>
        <source>Currency (ISO code):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the category a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency is a three-letter ISO code such as EUR.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::PriceCategoryPanel</name>
    <message>
        <source>Category</source>
        <translation type="unfinished">Catégorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished">Prix</translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + %2 standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price Category In Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) or standing area(s) use this category. Assign them another category first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::SearchPanel</name>
    <message>
        <source>Tonight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This weekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished">Gratuit</translation>
    </message>
    <message>
        <source>Over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search events, performers, venues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: searching the offline catalog on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished">Prix</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::SearchResultModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1, %2</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::SearchService</name>
    <message>
        <source>The search could not be run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatMapLegend</name>
    <message>
        <source>Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatMapView</name>
    <message>
        <source>Seat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No seat map for this event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live seat status unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wheelchair space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>companion seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restricted view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aisle seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatPropertiesPanel</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished">Nom :</translation>
    </message>
    <message>
        <source>Row and seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renumber Rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companion seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aisle seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the selection around its centre (clockwise for positive angles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected. Click a seat or an area, or drag a rectangle around seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n area(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n area(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seated area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatingService</name>
    <message>
        <source>The seat map for this event has not been synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatsDialog</name>
    <message>
        <source>Seats — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block selected seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock selected seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live seat status is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event has no seat map yet, or it has not been synced to this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading live seat status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing the saved seat map. Live seat status is unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select available seats to block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select blocked seats to unblock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Blocking %n seat(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unblocking %n seat(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: you may block seats of your own events only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: the server did not answer. Try again when online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1, %2 {1:?}</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No seats selected. Click seats on the map, or move with the arrow keys and press Space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> — total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point at a seat or tap it to see its section, row, price and features.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marquee::client::WishlistService</name>
    <message>
        <source>Log in to keep a wishlist.</source>
        <translation>Connectez-vous pour tenir une liste de favoris.</translation>
    </message>
    <message>
        <source>The wishlist could not be saved: %1</source>
        <translation>Les favoris n&apos;ont pas pu être enregistrés : %1</translation>
    </message>
    <message>
        <source>This event no longer exists, so the wishlist change was undone.</source>
        <translation>Cet événement n&apos;existe plus ; la modification des favoris a été annulée.</translation>
    </message>
    <message>
        <source>You may not change this wishlist; the change was undone.</source>
        <translation>Vous ne pouvez pas modifier ces favoris ; la modification a été annulée.</translation>
    </message>
    <message>
        <source>The server refused the wishlist change; it was undone.</source>
        <translation>Le serveur a refusé la modification des favoris ; elle a été annulée.</translation>
    </message>
</context>
</TS>
