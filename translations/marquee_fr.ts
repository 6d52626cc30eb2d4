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
        <translation>Ajouter la zone «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Add standing area “%1”</source>
        <translation>Ajouter la zone debout «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Edit area “%1”</source>
        <translation>Modifier la zone «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Rows can only be added to a seated area.</source>
        <translation>Les rangs ne peuvent être ajoutés qu’à une zone assise.</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n seat(s)</source>
        <translation>
            <numerusform>Générer %n place</numerusform>
            <numerusform>Générer %n places</numerusform>
        </translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Table %1</translation>
    </message>
    <message>
        <source>Add table %1</source>
        <translation>Ajouter la table %1</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Faire pivoter</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n seat(s)</source>
        <translation>
            <numerusform>Supprimer %n place</numerusform>
            <numerusform>Supprimer %n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n area(s)</source>
        <translation>
            <numerusform>Supprimer %n zone</numerusform>
            <numerusform>Supprimer %n zones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renumber %n row(s)</source>
        <translation>
            <numerusform>Renuméroter %n rang</numerusform>
            <numerusform>Renuméroter %n rangs</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign price category</source>
        <translation>Attribuer une catégorie de prix</translation>
    </message>
    <message>
        <source>Set seat flag</source>
        <translation>Définir une caractéristique de place</translation>
    </message>
    <message>
        <source>Clear seat flag</source>
        <translation>Retirer une caractéristique de place</translation>
    </message>
    <message>
        <source>Rename row to %1</source>
        <translation>Renommer le rang en %1</translation>
    </message>
    <message>
        <source>Renumber seat to %1</source>
        <translation>Renuméroter la place en %1</translation>
    </message>
    <message>
        <source>Add price category “%1”</source>
        <translation>Ajouter la catégorie de prix «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Edit price category “%1”</source>
        <translation>Modifier la catégorie de prix «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Remove price category</source>
        <translation>Supprimer la catégorie de prix</translation>
    </message>
    <message>
        <source>Set focal point</source>
        <translation>Définir le point focal</translation>
    </message>
    <message>
        <source>Remove background image</source>
        <translation>Supprimer l’image d’arrière-plan</translation>
    </message>
    <message>
        <source>Set background image</source>
        <translation>Définir l’image d’arrière-plan</translation>
    </message>
</context>
<context>
    <name>LayoutEditorWindow</name>
    <message>
        <source>New seat map</source>
        <translation>Nouveau plan de salle</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Scène</translation>
    </message>
</context>
<context>
    <name>PriceCategoryCombo</name>
    <message>
        <source>No category</source>
        <translation>Aucune catégorie</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>SeatMap</name>
    <message>
        <source>Seat map: %1</source>
        <translation>Plan de salle : %1</translation>
    </message>
    <message>
        <source>Arrow keys move between seats, Enter or Space selects, plus and minus zoom.</source>
        <translation>Les flèches passent d’une place à l’autre, Entrée ou Espace sélectionne, plus et moins zooment.</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 places</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation>Encore %1 sur %2</translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation>%1 places</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>Libres : %1</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Réservée</translation>
    </message>
    <message>
        <source>Held by you</source>
        <translation>Réservée par vous</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendue</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquée</translation>
    </message>
    <message>
        <source>Leased to a box office</source>
        <translation>Contingent d’un point de vente</translation>
    </message>
</context>
<context>
    <name>SeatingService</name>
    <message>
        <source>The stored seat map is damaged.</source>
        <translation>Le plan de salle enregistré est endommagé.</translation>
    </message>
    <message>
        <source>The stored seat map cannot be read: %1</source>
        <translation>Le plan de salle enregistré est illisible : %1</translation>
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
        <translation>Ajouter une table</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>Table label:</source>
        <translation>Nom de la table :</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Places :</translation>
    </message>
    <message>
        <source>Table radius:</source>
        <translation>Rayon de la table :</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Catégorie de prix :</translation>
    </message>
    <message>
        <source>Give the table a label.</source>
        <translation>Donnez un nom à la table.</translation>
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
        <translation>Places…</translation>
    </message>
    <message>
        <source>Open the seat map with live availability</source>
        <translation>Ouvrir le plan de salle avec les disponibilités en direct</translation>
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
        <translation>Générer des rangs</translation>
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
        <translation>Zone</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>Nouvelle zone</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Bloc %1</translation>
    </message>
    <message>
        <source>Add to:</source>
        <translation>Ajouter à :</translation>
    </message>
    <message>
        <source>New area name:</source>
        <translation>Nom de la nouvelle zone :</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rangs</translation>
    </message>
    <message>
        <source>Straight rows</source>
        <translation>Rangs droits</translation>
    </message>
    <message>
        <source>Arc (curved rows)</source>
        <translation>Arc (rangs courbes)</translation>
    </message>
    <message>
        <source>One number for every row, or one per row separated by commas (front row first)</source>
        <translation>Un nombre pour tous les rangs, ou un par rang séparés par des virgules (premier rang d’abord)</translation>
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
        <translation>Forme :</translation>
    </message>
    <message>
        <source>Number of rows:</source>
        <translation>Nombre de rangs :</translation>
    </message>
    <message>
        <source>Seats per row:</source>
        <translation>Places par rang :</translation>
    </message>
    <message>
        <source>Seat spacing:</source>
        <translation>Espacement des places :</translation>
    </message>
    <message>
        <source>Row spacing:</source>
        <translation>Espacement des rangs :</translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation>Origine :</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>Rotation :</translation>
    </message>
    <message>
        <source>More seats in longer back rows</source>
        <translation>Plus de places dans les rangs arrière, plus longs</translation>
    </message>
    <message>
        <source>Front row radius:</source>
        <translation>Rayon du premier rang :</translation>
    </message>
    <message>
        <source>From angle:</source>
        <translation>Angle de départ :</translation>
    </message>
    <message>
        <source>To angle:</source>
        <translation>Angle de fin :</translation>
    </message>
    <message>
        <source>Row labels</source>
        <translation>Noms des rangs</translation>
    </message>
    <message>
        <source>Letters (A, B, C …)</source>
        <translation>Lettres (A, B, C…)</translation>
    </message>
    <message>
        <source>Numbers (1, 2, 3 …)</source>
        <translation>Numéros (1, 2, 3…)</translation>
    </message>
    <message>
        <source>Row labels never used, separated by commas</source>
        <translation>Noms de rang jamais utilisés, séparés par des virgules</translation>
    </message>
    <message>
        <source>First label nearest the stage</source>
        <translation>Premier nom au plus près de la scène</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Noms :</translation>
    </message>
    <message>
        <source>First row:</source>
        <translation>Premier rang :</translation>
    </message>
    <message>
        <source>Skip labels:</source>
        <translation>Noms à sauter :</translation>
    </message>
    <message>
        <source>Seat numbers</source>
        <translation>Numéros de place</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Catégorie de prix :</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>Seats per row must be a number, or one number per row separated by commas.</source>
        <translation>Le nombre de places par rang doit être un nombre, ou un nombre par rang séparés par des virgules.</translation>
    </message>
    <message numerus="yes">
        <source>Give one seat count for all rows or exactly %n count(s), one per row.</source>
        <translation>
            <numerusform>Indiquez un nombre de places pour tous les rangs ou exactement %n valeur, une par rang.</numerusform>
            <numerusform>Indiquez un nombre de places pour tous les rangs ou exactement %n valeurs, une par rang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the new area a name.</source>
        <translation>Donnez un nom à la nouvelle zone.</translation>
    </message>
</context>
<context>
    <name>marquee::client::IngestAdminWindow</name>
    <message>
        <source>Ingest Administration</source>
        <translation>Administration de l’import</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Dernière exécution</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prochaine exécution</translation>
    </message>
    <message>
        <source>Last counts</source>
        <translation>Derniers décomptes</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>En quarantaine</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Exécuter maintenant</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sources&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sources&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Select a quarantined record to see its reason and raw data.</source>
        <translation>Sélectionnez un enregistrement en quarantaine pour voir son motif et ses données brutes.</translation>
    </message>
    <message>
        <source>category word in the feed, e.g. Poetry slam</source>
        <translation>catégorie dans le flux, p. ex. Slam de poésie</translation>
    </message>
    <message>
        <source>Marquee category id, e.g. talks.readings</source>
        <translation>identifiant de catégorie Marquee, p. ex. talks.readings</translation>
    </message>
    <message>
        <source>Save Mapping</source>
        <translation>Enregistrer la correspondance</translation>
    </message>
    <message>
        <source>Retry Selected</source>
        <translation>Réessayer la sélection</translation>
    </message>
    <message>
        <source>Source category:</source>
        <translation>Catégorie de la source :</translation>
    </message>
    <message>
        <source>Maps to:</source>
        <translation>Correspond à :</translation>
    </message>
    <message>
        <source>&lt;b&gt;Quarantine&lt;/b&gt;</source>
        <translation>&lt;b&gt;Quarantaine&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Exécution de %1…</translation>
    </message>
    <message>
        <source>Mapping for “%1” in %2 saved; retry the affected records.</source>
        <translation>Correspondance pour «&#xa0;%1&#xa0;» dans %2 enregistrée ; réessayez les enregistrements concernés.</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 quarantined</source>
        <translation>%1 nouveaux, %2 mis à jour, %3 inchangés, %4 en quarantaine</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Not modified</source>
        <translation>Non modifié</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Jamais exécuté</translation>
    </message>
    <message>
        <source>Paused · %1</source>
        <translation>En pause · %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non planifié</translation>
    </message>
    <message>
        <source>(file uploads)</source>
        <translation>(fichiers téléversés)</translation>
    </message>
    <message>
        <source>Source: %1
Record: %2
Reason: %3

Raw data:
%4</source>
        <translation>Source : %1
Enregistrement : %2
Motif : %3

Données brutes :
%4</translation>
    </message>
    <message>
        <source>Select a source to run.</source>
        <translation>Sélectionnez une source à exécuter.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: not modified since the last run.</source>
        <translation>%1 : non modifié depuis la dernière exécution.</translation>
    </message>
    <message>
        <source>%1 failed: %2 (failure %3, next attempt %4)</source>
        <translation>Échec de %1 : %2 (échec %3, prochaine tentative %4)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) moved into the catalog.</source>
        <translation>
            <numerusform>%n enregistrement transféré dans le catalogue.</numerusform>
            <numerusform>%n enregistrements transférés dans le catalogue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still quarantined: %1</source>
        <translation>
            <numerusform>%n toujours en quarantaine : %1</numerusform>
            <numerusform>%n toujours en quarantaine : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a record or source and fill in both categories.</source>
        <translation>Sélectionnez un enregistrement ou une source et renseignez les deux catégories.</translation>
    </message>
    <message>
        <source>Only administrators can manage ingestion.</source>
        <translation>Seuls les administrateurs peuvent gérer l’import.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <source>The server could not do that right now (%1).</source>
        <translation>Le serveur n’a pas pu effectuer cette opération pour le moment (%1).</translation>
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
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>Price Categories</source>
        <translation>Catégories de prix</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Open from Server…</source>
        <translation>&amp;Ouvrir depuis le serveur…</translation>
    </message>
    <message>
        <source>&amp;Reload from Server</source>
        <translation>&amp;Recharger depuis le serveur</translation>
    </message>
    <message>
        <source>&amp;Save to Server</source>
        <translation>&amp;Enregistrer sur le serveur</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>&amp;Importer du JSON…</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>E&amp;xporter en JSON…</translation>
    </message>
    <message>
        <source>Set &amp;Background Image…</source>
        <translation>Définir l’image d’arrière-&amp;plan…</translation>
    </message>
    <message>
        <source>Remove Background Image</source>
        <translation>Supprimer l’image d’arrière-plan</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>&amp;Désélectionner tout</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>R&amp;otate Selection…</source>
        <translation>&amp;Faire pivoter la sélection…</translation>
    </message>
    <message>
        <source>Re&amp;number Rows…</source>
        <translation>Re&amp;numéroter les rangs…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Sélectionner</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Déplacer la vue</translation>
    </message>
    <message>
        <source>Add Area</source>
        <translation>Ajouter une zone</translation>
    </message>
    <message>
        <source>Generate Rows</source>
        <translation>Générer des rangs</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Scène</translation>
    </message>
    <message>
        <source>Click seats or areas; drag to move; drag a rectangle to select; drag the round handle to rotate</source>
        <translation>Cliquez sur des places ou des zones ; faites glisser pour déplacer ; tracez un rectangle pour sélectionner ; faites glisser la poignée ronde pour faire pivoter</translation>
    </message>
    <message>
        <source>Drag to move the view</source>
        <translation>Faites glisser pour déplacer la vue</translation>
    </message>
    <message>
        <source>Drag a rectangle to create a seated or standing area</source>
        <translation>Tracez un rectangle pour créer une zone assise ou debout</translation>
    </message>
    <message>
        <source>Click where the front row should start</source>
        <translation>Cliquez là où le premier rang doit commencer</translation>
    </message>
    <message>
        <source>Click where a round table should go</source>
        <translation>Cliquez là où placer une table ronde</translation>
    </message>
    <message>
        <source>Click to place the stage (best seats are closest to it)</source>
        <translation>Cliquez pour placer la scène (les meilleures places en sont les plus proches)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>%1[*] — Seat Map Editor</source>
        <translation>%1[*] — Éditeur de plan de salle</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message numerus="yes">
        <source>%1 seats in %n area(s)</source>
        <translation>
            <numerusform>%1 places dans %n zone</numerusform>
            <numerusform>%1 places dans %n zones</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Depuis %1</translation>
    </message>
    <message>
        <source>Server version %1</source>
        <translation>Version serveur %1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The seat map has changes that are not saved. Discard them?</source>
        <translation>Le plan de salle contient des modifications non enregistrées. Les abandonner ?</translation>
    </message>
    <message>
        <source>Import Seat Map</source>
        <translation>Importer un plan de salle</translation>
    </message>
    <message>
        <source>Seat maps (*.json)</source>
        <translation>Plans de salle (*.json)</translation>
    </message>
    <message>
        <source>Export Seat Map</source>
        <translation>Exporter le plan de salle</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Échec de l’importation</translation>
    </message>
    <message>
        <source>“%1” could not be opened: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être ouvert : %2</translation>
    </message>
    <message>
        <source>“%1” is not a seat map this editor can read. Nothing was changed.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un plan de salle lisible par cet éditeur. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importé.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 with %n problem(s) to fix.</source>
        <translation>
            <numerusform>%1 importé ; %n problème à corriger.</numerusform>
            <numerusform>%1 importé ; %n problèmes à corriger.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exporté.</translation>
    </message>
    <message>
        <source>Background Image for Tracing</source>
        <translation>Image d’arrière-plan à décalquer</translation>
    </message>
    <message>
        <source>Images (*.svg *.png)</source>
        <translation>Images (*.svg *.png)</translation>
    </message>
    <message>
        <source>Background Image</source>
        <translation>Image d’arrière-plan</translation>
    </message>
    <message>
        <source>Only SVG and PNG images can be used for tracing.</source>
        <translation>Seules les images SVG et PNG peuvent servir à décalquer.</translation>
    </message>
    <message>
        <source>“%1” could not be read as an image.</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être lu comme image.</translation>
    </message>
    <message>
        <source>No rows were generated.</source>
        <translation>Aucun rang n’a été généré.</translation>
    </message>
    <message>
        <source>Add Table</source>
        <translation>Ajouter une table</translation>
    </message>
    <message>
        <source>The table was not added.</source>
        <translation>La table n’a pas été ajoutée.</translation>
    </message>
    <message>
        <source>New Area</source>
        <translation>Nouvelle zone</translation>
    </message>
    <message>
        <source>Area %1</source>
        <translation>Zone %1</translation>
    </message>
    <message>
        <source>Seated (add rows next)</source>
        <translation>Places assises (ajoutez ensuite des rangs)</translation>
    </message>
    <message>
        <source>Standing (general admission)</source>
        <translation>Debout (placement libre)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacité :</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Catégorie de prix :</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Name of what the audience faces:</source>
        <translation>Nom de ce que le public a en face de lui :</translation>
    </message>
    <message>
        <source>Select seats in the rows to renumber first.</source>
        <translation>Sélectionnez d’abord des places dans les rangs à renuméroter.</translation>
    </message>
    <message>
        <source>Renumber Rows</source>
        <translation>Renuméroter les rangs</translation>
    </message>
    <message>
        <source>Every row with a selected seat is numbered again:</source>
        <translation>Chaque rang contenant une place sélectionnée est renuméroté :</translation>
    </message>
    <message>
        <source>The rows were not renumbered.</source>
        <translation>Les rangs n’ont pas été renumérotés.</translation>
    </message>
    <message>
        <source>Rotate Selection</source>
        <translation>Faire pivoter la sélection</translation>
    </message>
    <message>
        <source>Clockwise angle in degrees:</source>
        <translation>Angle en degrés (sens horaire) :</translation>
    </message>
    <message>
        <source>Open from Server</source>
        <translation>Ouvrir depuis le serveur</translation>
    </message>
    <message>
        <source>Layout id:</source>
        <translation>Identifiant du plan :</translation>
    </message>
    <message>
        <source>Save to Server</source>
        <translation>Enregistrer sur le serveur</translation>
    </message>
    <message numerus="yes">
        <source>The seat map has %n problem(s). Fix them first; the list shows where they are.</source>
        <translation>
            <numerusform>Le plan de salle comporte %n problème. Corrigez-le d’abord ; la liste indique où il se trouve.</numerusform>
            <numerusform>Le plan de salle comporte %n problèmes. Corrigez-les d’abord ; la liste indique où ils se trouvent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>A seat map belongs to a venue, and no venues are known yet. Wait until the catalog has synced, then save again.</source>
        <translation>Un plan de salle appartient à un lieu, et aucun lieu n’est encore connu. Attendez la synchronisation du catalogue, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Venue this seat map belongs to:</source>
        <translation>Lieu de ce plan de salle :</translation>
    </message>
    <message>
        <source>Loading seat map…</source>
        <translation>Chargement du plan de salle…</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Enregistré en version %1.</translation>
    </message>
    <message>
        <source>Opened version %1.</source>
        <translation>Version %1 ouverte.</translation>
    </message>
    <message>
        <source>The server found problems in the seat map and did not save it.</source>
        <translation>Le serveur a trouvé des problèmes dans le plan de salle et ne l’a pas enregistré.</translation>
    </message>
    <message>
        <source>The server did not understand the request.</source>
        <translation>Le serveur n’a pas compris la demande.</translation>
    </message>
    <message>
        <source>Someone saved a newer version of this seat map since you opened version %1. Reload it to see their changes; your changes are still here.</source>
        <translation>Quelqu’un a enregistré une version plus récente de ce plan de salle depuis que vous avez ouvert la version %1. Rechargez-le pour voir ses modifications ; les vôtres sont toujours là.</translation>
    </message>
    <message>
        <source>Only organizers and admins can edit seat maps. Log in with such an account.</source>
        <translation>Seuls les organisateurs et les administrateurs peuvent modifier les plans de salle. Connectez-vous avec un tel compte.</translation>
    </message>
    <message>
        <source>There is no such seat map on the server.</source>
        <translation>Ce plan de salle n’existe pas sur le serveur.</translation>
    </message>
    <message>
        <source>The server could not be reached. Your changes are still here; try again.</source>
        <translation>Le serveur est injoignable. Vos modifications sont toujours là ; réessayez.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Le serveur a refusé la demande : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::LayoutProblemModel</name>
    <message>
        <source>(unnamed area)</source>
        <translation>(zone sans nom)</translation>
    </message>
    <message>
        <source>row %1 seat %2</source>
        <translation>rang %1 place %2</translation>
    </message>
    <message>
        <source>%1: %2 overlaps %3</source>
        <translation>%1 : %2 chevauche %3</translation>
    </message>
    <message>
        <source>%1: %2 is numbered twice</source>
        <translation>%1 : %2 apparaît deux fois</translation>
    </message>
    <message>
        <source>%1: row %2 appears twice</source>
        <translation>%1 : le rang %2 apparaît deux fois</translation>
    </message>
    <message>
        <source>%1: an id is used twice (%2)</source>
        <translation>%1 : un identifiant est utilisé deux fois (%2)</translation>
    </message>
    <message>
        <source>%1: %2 lies outside the area</source>
        <translation>%1 : %2 se trouve hors de la zone</translation>
    </message>
    <message>
        <source>%1: the price category does not exist</source>
        <translation>%1 : la catégorie de prix n’existe pas</translation>
    </message>
    <message>
        <source>%1: %2 has a price category that does not exist</source>
        <translation>%1 : %2 a une catégorie de prix qui n’existe pas</translation>
    </message>
    <message>
        <source>%1: a seat in row %2 has no number</source>
        <translation>%1 : une place du rang %2 n’a pas de numéro</translation>
    </message>
    <message>
        <source>%1: a row has no label</source>
        <translation>%1 : un rang n’a pas de nom</translation>
    </message>
    <message>
        <source>An area has no name</source>
        <translation>Une zone n’a pas de nom</translation>
    </message>
    <message>
        <source>%1: a standing area needs a capacity above zero, a seated area none</source>
        <translation>%1 : une zone debout doit avoir une capacité supérieure à zéro, une zone assise aucune</translation>
    </message>
    <message>
        <source>%1: the outline needs at least three points</source>
        <translation>%1 : le contour doit comporter au moins trois points</translation>
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
        <translation>Modifier les plans de salle…</translation>
    </message>
    <message>
        <source>This event is not in the offline catalog yet; it appears once synced.</source>
        <translation>Cet événement n’est pas encore dans le catalogue hors ligne ; il apparaîtra après la synchronisation.</translation>
    </message>
    <message>
        <source>Ingest Sources…</source>
        <translation>Sources d’import…</translation>
    </message>
</context>
<context>
    <name>marquee::client::NumberingWidget</name>
    <message>
        <source>Left to right</source>
        <translation>De gauche à droite</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>De droite à gauche</translation>
    </message>
    <message>
        <source>Odd left, even right (from the centre)</source>
        <translation>Impairs à gauche, pairs à droite (depuis le centre)</translation>
    </message>
    <message>
        <source>e.g. 13</source>
        <translation>p. ex. 13</translation>
    </message>
    <message>
        <source>Seat numbers never used, separated by commas</source>
        <translation>Numéros de place jamais utilisés, séparés par des virgules</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Seat order:</source>
        <translation>Ordre des places :</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>Premier numéro :</translation>
    </message>
    <message>
        <source>Skip numbers:</source>
        <translation>Numéros à sauter :</translation>
    </message>
    <message>
        <source>Number prefix:</source>
        <translation>Préfixe des numéros :</translation>
    </message>
    <message>
        <source>Skipped numbers must be whole numbers separated by commas.</source>
        <translation>Les numéros sautés doivent être des nombres entiers séparés par des virgules.</translation>
    </message>
</context>
<context>
    <name>marquee::client::PriceCategoryDialog</name>
    <message>
        <source>New Price Category</source>
        <translation>Nouvelle catégorie de prix</translation>
    </message>
    <message>
        <source>Edit Price Category</source>
        <translation>Modifier la catégorie de prix</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Prix :</translation>
    </message>
    <message>
        <source>Currency (ISO code):</source>
        <translation>Devise (code ISO) :</translation>
    </message>
    <message>
        <source>Give the category a name.</source>
        <translation>Donnez un nom à la catégorie.</translation>
    </message>
    <message>
        <source>The currency is a three-letter ISO code such as EUR.</source>
        <translation>La devise est un code ISO à trois lettres, par exemple EUR.</translation>
    </message>
</context>
<context>
    <name>marquee::client::PriceCategoryPanel</name>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>%1 standing</source>
        <translation>%1 debout</translation>
    </message>
    <message>
        <source>%1 + %2 standing</source>
        <translation>%1 + %2 debout</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Catégorie %1</translation>
    </message>
    <message>
        <source>Price Category In Use</source>
        <translation>Catégorie de prix utilisée</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) or standing area(s) use this category. Assign them another category first.</source>
        <translation>
            <numerusform>%n place ou zone debout utilise cette catégorie. Attribuez-lui d’abord une autre catégorie.</numerusform>
            <numerusform>%n places ou zones debout utilisent cette catégorie. Attribuez-leur d’abord une autre catégorie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::SearchPanel</name>
    <message>
        <source>Tonight</source>
        <translation>Ce soir</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Demain</translation>
    </message>
    <message>
        <source>This weekend</source>
        <translation>Ce week-end</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>7 prochains jours</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <source>Over %1</source>
        <translation>Plus de %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Search events, performers, venues…</source>
        <translation>Rechercher des événements, artistes, lieux…</translation>
    </message>
    <message>
        <source>Offline: searching the offline catalog on this device.</source>
        <translation>Hors ligne : recherche dans le catalogue hors ligne de cet appareil.</translation>
    </message>
    <message>
        <source>No events found</source>
        <translation>Aucun événement trouvé</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <translation>La recherche n’a pas pu être effectuée : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatMapLegend</name>
    <message>
        <source>Prices</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>Libres : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatMapView</name>
    <message>
        <source>Seat map</source>
        <translation>Plan de salle</translation>
    </message>
    <message>
        <source>No seat map for this event.</source>
        <translation>Aucun plan de salle pour cet événement.</translation>
    </message>
    <message>
        <source>Live seat status unavailable</source>
        <translation>État des places en direct indisponible</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>table %1</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>rang %1</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>place %1</translation>
    </message>
    <message>
        <source>wheelchair space</source>
        <translation>place pour fauteuil roulant</translation>
    </message>
    <message>
        <source>companion seat</source>
        <translation>place accompagnateur</translation>
    </message>
    <message>
        <source>restricted view</source>
        <translation>visibilité réduite</translation>
    </message>
    <message>
        <source>aisle seat</source>
        <translation>place côté allée</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>sélectionnée</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatPropertiesPanel</name>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacité :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Row and seat</source>
        <translation>Rang et place</translation>
    </message>
    <message>
        <source>Seat number:</source>
        <translation>Numéro de place :</translation>
    </message>
    <message>
        <source>Renumber Rows…</source>
        <translation>Renuméroter les rangs…</translation>
    </message>
    <message>
        <source>Row label:</source>
        <translation>Nom du rang :</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mixte</translation>
    </message>
    <message>
        <source>Price category:</source>
        <translation>Catégorie de prix :</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>Place pour fauteuil roulant</translation>
    </message>
    <message>
        <source>Companion seat</source>
        <translation>Place accompagnateur</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Visibilité réduite</translation>
    </message>
    <message>
        <source>Aisle seat</source>
        <translation>Place côté allée</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Faire pivoter</translation>
    </message>
    <message>
        <source>Turn the selection around its centre (clockwise for positive angles)</source>
        <translation>Faire pivoter la sélection autour de son centre (sens horaire pour les angles positifs)</translation>
    </message>
    <message>
        <source>Turn by:</source>
        <translation>Pivoter de :</translation>
    </message>
    <message>
        <source>Nothing selected. Click a seat or an area, or drag a rectangle around seats.</source>
        <translation>Aucune sélection. Cliquez sur une place ou une zone, ou tracez un rectangle autour de places.</translation>
    </message>
    <message numerus="yes">
        <source>%n area(s) selected</source>
        <translation>
            <numerusform>%n zone sélectionnée</numerusform>
            <numerusform>%n zones sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n place sélectionnée</numerusform>
            <numerusform>%n places sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n row(s)</source>
        <translation>
            <numerusform>sur %n rang</numerusform>
            <numerusform>sur %n rangs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n area(s)</source>
        <translation>
            <numerusform>dans %n zone</numerusform>
            <numerusform>dans %n zones</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Zone debout</translation>
    </message>
    <message>
        <source>Seated area</source>
        <translation>Zone assise</translation>
    </message>
    <message>
        <source>several rows</source>
        <translation>plusieurs rangs</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatingService</name>
    <message>
        <source>The seat map for this event has not been synced yet.</source>
        <translation>Le plan de salle de cet événement n’a pas encore été synchronisé.</translation>
    </message>
</context>
<context>
    <name>marquee::client::SeatsDialog</name>
    <message>
        <source>Seats — %1</source>
        <translation>Places — %1</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Whole venue</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Your selection</source>
        <translation>Votre sélection</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Organisateur</translation>
    </message>
    <message>
        <source>Block selected seats</source>
        <translation>Bloquer les places sélectionnées</translation>
    </message>
    <message>
        <source>Unblock selected seats</source>
        <translation>Débloquer les places sélectionnées</translation>
    </message>
    <message>
        <source>Live seat status is unavailable: %1</source>
        <translation>L’état des places en direct est indisponible : %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>This event has no seat map yet, or it has not been synced to this device.</source>
        <translation>Cet événement n’a pas encore de plan de salle, ou celui-ci n’a pas été synchronisé sur cet appareil.</translation>
    </message>
    <message>
        <source>Loading live seat status…</source>
        <translation>Chargement de l’état des places en direct…</translation>
    </message>
    <message>
        <source>Offline: showing the saved seat map. Live seat status is unavailable.</source>
        <translation>Hors ligne : affichage du plan de salle enregistré. L’état des places en direct est indisponible.</translation>
    </message>
    <message>
        <source>Select available seats to block.</source>
        <translation>Sélectionnez des places disponibles à bloquer.</translation>
    </message>
    <message>
        <source>Select blocked seats to unblock.</source>
        <translation>Sélectionnez des places bloquées à débloquer.</translation>
    </message>
    <message numerus="yes">
        <source>Blocking %n seat(s)…</source>
        <translation>
            <numerusform>Blocage de %n place…</numerusform>
            <numerusform>Blocage de %n places…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unblocking %n seat(s)…</source>
        <translation>
            <numerusform>Déblocage de %n place…</numerusform>
            <numerusform>Déblocage de %n places…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: you may block seats of your own events only.</source>
        <translation>Rien n’a été modifié : vous ne pouvez bloquer que des places de vos propres événements.</translation>
    </message>
    <message>
        <source>Nothing was changed: the server did not answer. Try again when online.</source>
        <translation>Rien n’a été modifié : le serveur n’a pas répondu. Réessayez une fois en ligne.</translation>
    </message>
    <message>
        <source>Nothing was changed. The server refused: %1</source>
        <translation>Rien n’a été modifié. Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, rang %2, place %3</translation>
    </message>
    <message>
        <source>No seats selected. Click seats on the map, or move with the arrow keys and press Space.</source>
        <translation>Aucune place sélectionnée. Cliquez sur des places du plan, ou déplacez-vous avec les flèches et appuyez sur Espace.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n place sélectionnée</numerusform>
            <numerusform>%n places sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source> — total %1</source>
        <translation> — total %1</translation>
    </message>
    <message>
        <source>Point at a seat or tap it to see its section, row, price and features.</source>
        <translation>Pointez ou touchez une place pour voir son bloc, son rang, son prix et ses caractéristiques.</translation>
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
