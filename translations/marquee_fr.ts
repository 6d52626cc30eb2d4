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
        <translation>Ajouter la zone « %1 »</translation>
    </message>
    <message>
        <source>Add standing area “%1”</source>
        <translation>Ajouter la zone debout « %1 »</translation>
    </message>
    <message>
        <source>Edit area “%1”</source>
        <translation>Modifier la zone « %1 »</translation>
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
        <translation>Ajouter la catégorie de prix « %1 »</translation>
    </message>
    <message>
        <source>Edit price category “%1”</source>
        <translation>Modifier la catégorie de prix « %1 »</translation>
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
    <name>LeaseTexts</name>
    <message numerus="yes">
        <source>Lease ready: %n seat(s) can be sold offline.</source>
        <translation>
            <numerusform>Contingent prêt : %n place peut être vendue hors ligne.</numerusform>
            <numerusform>Contingent prêt : %n places peuvent être vendues hors ligne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lease closed: its unsold seats are back in general sale.</source>
        <translation>Contingent clos : ses places invendues sont de nouveau en vente libre.</translation>
    </message>
    <message>
        <source>This device has no lease for this event. Lease seats while online to keep selling when the network drops.</source>
        <translation>Cet appareil n’a pas de contingent pour cet événement. Prenez un contingent de places en ligne pour continuer à vendre si le réseau tombe.</translation>
    </message>
    <message>
        <source>%1 of %2 leased seats left for offline sales.</source>
        <translation>%1 places sur %2 du contingent restent pour la vente hors ligne.</translation>
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
        <translation>Aucune catégorie</translation>
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
        <translation>Le dossier PDF « %1 » ne peut pas être utilisé.</translation>
    </message>
    <message>
        <source>The printer "%1" is not available.</source>
        <translation>L’imprimante « %1 » n’est pas disponible.</translation>
    </message>
    <message>
        <source>The order could not be read.</source>
        <translation>La commande n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>This order has no tickets yet.</source>
        <translation>Cette commande ne contient pas encore de billets.</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Billets %1</translation>
    </message>
    <message>
        <source>Printing the tickets could not start.</source>
        <translation>L’impression des billets n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The tickets could not be printed.</source>
        <translation>Les billets n’ont pas pu être imprimés.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Reçu %1</translation>
    </message>
    <message>
        <source>Printing the receipt could not start.</source>
        <translation>L’impression du reçu n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The receipt could not be printed.</source>
        <translation>Le reçu n’a pas pu être imprimé.</translation>
    </message>
    <message>
        <source>Printing could not start.</source>
        <translation>L’impression n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The document could not be printed.</source>
        <translation>Le document n’a pas pu être imprimé.</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card (terminal)</source>
        <translation>Carte (terminal)</translation>
    </message>
    <message>
        <source>Card (online)</source>
        <translation>Carte (en ligne)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Marquee</source>
        <translation>Marquee</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <source>Booking fees</source>
        <translation>Frais de réservation</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Included tax</source>
        <translation>Dont taxes</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Payé par</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>•••• %1</source>
        <translation>•••• %1</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Commande annulée</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendu le</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imprimé le</translation>
    </message>
    <message>
        <source>Thank you and enjoy the show!</source>
        <translation>Merci et bon spectacle !</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Reçu %1</translation>
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
    <name>TicketPdfText</name>
    <message>
        <source>This order has no tickets yet.</source>
        <translation>Cette commande ne contient pas encore de billets.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Billets %1</translation>
    </message>
</context>
<context>
    <name>TicketVerifierText</name>
    <message>
        <source>Valid ticket</source>
        <translation>Billet valide</translation>
    </message>
    <message>
        <source>This is not a Marquee ticket code.</source>
        <translation>Ce n’est pas un code de billet Marquee.</translation>
    </message>
    <message>
        <source>This ticket was signed with a key this device does not know yet. Connect to sync the keys, then scan it again.</source>
        <translation>Ce billet a été signé avec une clé que cet appareil ne connaît pas encore. Connectez-vous pour synchroniser les clés, puis scannez-le à nouveau.</translation>
    </message>
    <message>
        <source>Invalid ticket: the code was altered or forged.</source>
        <translation>Billet non valide : le code a été modifié ou falsifié.</translation>
    </message>
    <message>
        <source>Invalid ticket: it is dated after its signing key was retired.</source>
        <translation>Billet non valide : il est daté d’après le retrait de sa clé de signature.</translation>
    </message>
    <message>
        <source>Invalid ticket: it was signed by a box-office device whose certificate does not check out.</source>
        <translation>Billet non valide : il a été signé par un appareil de billetterie dont le certificat n’est pas valide.</translation>
    </message>
    <message>
        <source>Invalid ticket: it was issued after its box-office device's certificate ran out.</source>
        <translation>Billet non valide : il a été émis après l’expiration du certificat de son appareil de billetterie.</translation>
    </message>
    <message>
        <source>Invalid ticket: it was signed by a box-office device that has been revoked, and its sale was not confirmed before the revocation.</source>
        <translation>Billet non valide : il a été signé par un appareil de billetterie révoqué, et sa vente n’a pas été confirmée avant la révocation.</translation>
    </message>
</context>
<context>
    <name>TicketViews</name>
    <message>
        <source>Ticket %1, %2</source>
        <translation>Billet %1, %2</translation>
    </message>
    <message>
        <source>The order could not be read.</source>
        <translation>La commande n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>Tickets %1.pdf</source>
        <translation>Billets %1.pdf</translation>
    </message>
    <message>
        <source>Save tickets as PDF</source>
        <translation>Enregistrer les billets en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
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
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Taxe</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>core::tickets</name>
    <message>
        <source>TICKET</source>
        <translation>BILLET</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>VOID</source>
        <comment>stamp across a cancelled ticket</comment>
        <translation>ANNULÉ</translation>
    </message>
    <message>
        <source>This ticket is no longer valid.</source>
        <translation>Ce billet n’est plus valide.</translation>
    </message>
    <message>
        <source>Show this code at the entrance</source>
        <translation>Présentez ce code à l’entrée</translation>
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
        <translation>Le cache local n'a pas pu être ouvert :
%1</translation>
    </message>
    <message>
        <source>Full-screen self-service kiosk (staff PIN to leave).</source>
        <translation>Borne libre-service en plein écran (code PIN du personnel pour quitter).</translation>
    </message>
    <message>
        <source>Read a new kiosk staff PIN (4 to 12 digits) from standard input and exit.</source>
        <translation>Lire un nouveau code PIN du personnel de la borne (4 à 12 chiffres) sur l’entrée standard, puis quitter.</translation>
    </message>
    <message>
        <source>A kiosk PIN has 4 to 12 digits; nothing was changed.</source>
        <translation>Un code PIN de borne comporte 4 à 12 chiffres ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The PIN could not be saved to %1.</source>
        <translation>Le code PIN n’a pas pu être enregistré dans %1.</translation>
    </message>
    <message>
        <source>Kiosk staff PIN saved (Argon2id hash) in %1.</source>
        <translation>Code PIN du personnel de la borne enregistré dans %1 (hachage Argon2id).</translation>
    </message>
    <message>
        <source>Set the kiosk staff PIN first:
echo 1234 | marquee --set-kiosk-pin</source>
        <translation>Définissez d’abord le code PIN du personnel de la borne :
echo 1234 | marquee --set-kiosk-pin</translation>
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
        <translation>Une erreur s'est produite : %1</translation>
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
    <name>marquee::client::BookingPanel</name>
    <message>
        <source>Hold selected seats</source>
        <translation>Réserver les places sélectionnées</translation>
    </message>
    <message>
        <source>Or let us pick the best seats together:</source>
        <translation>Ou laissez-nous choisir les meilleures places côte à côte :</translation>
    </message>
    <message>
        <source>Number of seats</source>
        <translation>Nombre de places</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Catégorie de prix</translation>
    </message>
    <message>
        <source>Find seats</source>
        <translation>Trouver des places</translation>
    </message>
    <message>
        <source>Holding seats…</source>
        <translation>Réservation des places…</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Toutes catégories</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Standing: %1</source>
        <translation>Places debout : %1</translation>
    </message>
    <message>
        <source>Log in to book seats.</source>
        <translation>Connectez-vous pour réserver des places.</translation>
    </message>
    <message>
        <source>Offline: seats can be booked when the connection is back.</source>
        <translation>Hors ligne : les places pourront être réservées dès le retour de la connexion.</translation>
    </message>
</context>
<context>
    <name>marquee::client::BookingService</name>
    <message>
        <source>The payment provider could not be reached. Your seats stay held; try again.</source>
        <translation>Le prestataire de paiement est injoignable. Vos places restent réservées ; réessayez.</translation>
    </message>
    <message>
        <source>The payment provider refused the request. Please try again later.</source>
        <translation>Le prestataire de paiement a refusé la demande. Veuillez réessayer plus tard.</translation>
    </message>
    <message>
        <source>The payment was declined and the seats were released. Pick seats again to retry.</source>
        <translation>Le paiement a été refusé et les places ont été libérées. Choisissez à nouveau des places pour réessayer.</translation>
    </message>
    <message>
        <source>Your hold has expired and the seats were released. Pick seats again.</source>
        <translation>Votre réservation a expiré et les places ont été libérées. Choisissez à nouveau des places.</translation>
    </message>
    <message>
        <source>Log in to book seats.</source>
        <translation>Connectez-vous pour réserver des places.</translation>
    </message>
    <message>
        <source>You are offline. Seats can be held only while connected.</source>
        <translation>Vous êtes hors ligne. Les places ne peuvent être réservées qu’avec une connexion.</translation>
    </message>
    <message>
        <source>You are offline: the hold cannot be extended now.</source>
        <translation>Vous êtes hors ligne : la réservation ne peut pas être prolongée pour le moment.</translation>
    </message>
    <message>
        <source>You are offline: the offered seats cannot be booked now.</source>
        <translation>Vous êtes hors ligne : les places proposées ne peuvent pas être réservées pour le moment.</translation>
    </message>
    <message>
        <source>The server did not answer. Check the connection and try again.</source>
        <translation>Le serveur n’a pas répondu. Vérifiez la connexion et réessayez.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n’êtes pas autorisé à effectuer cette action.</translation>
    </message>
    <message>
        <source>This event no longer exists.</source>
        <translation>Cet événement n’existe plus.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>The hold could not be extended: %1</source>
        <translation>La réservation n’a pas pu être prolongée : %1</translation>
    </message>
    <message>
        <source>Someone else was faster: those seats were just taken. Try again.</source>
        <translation>Quelqu’un a été plus rapide : ces places viennent d’être prises. Réessayez.</translation>
    </message>
    <message>
        <source>Sorry, these seats were just taken: %1</source>
        <translation>Désolé, ces places viennent d’être prises : %1</translation>
    </message>
    <message>
        <source>Sold out: there are not enough seats left that match your choice.</source>
        <translation>Complet : il ne reste pas assez de places correspondant à votre choix.</translation>
    </message>
    <message>
        <source>The connection dropped before the seats were held. Try again.</source>
        <translation>La connexion a été interrompue avant la réservation des places. Réessayez.</translation>
    </message>
    <message>
        <source>The seats could not be held. %1</source>
        <translation>Les places n’ont pas pu être réservées. %1</translation>
    </message>
    <message>
        <source>The connection dropped while paying. The order is sent again with the same key when the server is back, so you are never charged twice.</source>
        <translation>La connexion a été interrompue pendant le paiement. La commande sera renvoyée avec la même clé dès le retour du serveur : vous ne serez jamais débité deux fois.</translation>
    </message>
    <message>
        <source>This payment method is not available to you.</source>
        <translation>Ce moyen de paiement ne vous est pas proposé.</translation>
    </message>
    <message>
        <source>Please check your details: %1</source>
        <translation>Veuillez vérifier vos informations : %1</translation>
    </message>
    <message>
        <source>A payment for these seats is still being processed. Please wait a moment.</source>
        <translation>Un paiement pour ces places est encore en cours de traitement. Veuillez patienter un instant.</translation>
    </message>
    <message>
        <source>This event is not on sale any more.</source>
        <translation>Cet événement n’est plus en vente.</translation>
    </message>
    <message>
        <source>The order could not be made. %1</source>
        <translation>La commande n’a pas pu être passée. %1</translation>
    </message>
    <message>
        <source>The payment options could not be loaded. %1</source>
        <translation>Les options de paiement n’ont pas pu être chargées. %1</translation>
    </message>
    <message>
        <source>The order is still being processed; try again in a moment.</source>
        <translation>La commande est encore en cours de traitement ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>This order can no longer be cancelled.</source>
        <translation>Cette commande ne peut plus être annulée.</translation>
    </message>
    <message>
        <source>You are offline. Orders can be made only while connected.</source>
        <translation>Vous êtes hors ligne. Les commandes ne peuvent être passées qu’avec une connexion.</translation>
    </message>
    <message>
        <source>Card payments are not available right now.</source>
        <translation>Les paiements par carte sont momentanément indisponibles.</translation>
    </message>
    <message>
        <source>Sorry, the seats were taken before the order completed.</source>
        <translation>Désolé, les places ont été prises avant la finalisation de la commande.</translation>
    </message>
    <message>
        <source>The payment provider could not be reached. Try again.</source>
        <translation>Le prestataire de paiement est injoignable. Réessayez.</translation>
    </message>
    <message>
        <source>The order could not be completed (%1).</source>
        <translation>La commande n’a pas pu être finalisée (%1).</translation>
    </message>
    <message>
        <source>Insufficient funds on the card. Try another card.</source>
        <translation>Provision insuffisante sur la carte. Essayez une autre carte.</translation>
    </message>
    <message>
        <source>The card has expired. Try another card.</source>
        <translation>La carte a expiré. Essayez une autre carte.</translation>
    </message>
    <message>
        <source>The expiry date is not valid.</source>
        <translation>La date d’expiration n’est pas valide.</translation>
    </message>
    <message>
        <source>The security code (CVC) is incorrect.</source>
        <translation>Le cryptogramme (CVC) est incorrect.</translation>
    </message>
    <message>
        <source>The card number is incorrect.</source>
        <translation>Le numéro de carte est incorrect.</translation>
    </message>
    <message>
        <source>The card could not be processed. Please try again.</source>
        <translation>La carte n’a pas pu être traitée. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>The bank asks for an authentication this checkout cannot do. Try another card.</source>
        <translation>La banque demande une authentification que ce paiement ne prend pas en charge. Essayez une autre carte.</translation>
    </message>
    <message>
        <source>The card terminal did not answer in time.</source>
        <translation>Le terminal de paiement n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The payment was cancelled at the card terminal.</source>
        <translation>Le paiement a été annulé sur le terminal de paiement.</translation>
    </message>
    <message>
        <source>The card terminal is offline.</source>
        <translation>Le terminal de paiement est hors ligne.</translation>
    </message>
    <message>
        <source>The cash tendered is less than the total.</source>
        <translation>Le montant en espèces remis est inférieur au total.</translation>
    </message>
    <message>
        <source>The card was declined. Try another card.</source>
        <translation>La carte a été refusée. Essayez une autre carte.</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Paiement en cours</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Non finalisée</translation>
    </message>
    <message>
        <source>Cancelled and refunded</source>
        <translation>Annulée et remboursée</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message numerus="yes">
        <source>Sold out: only %n place(s) left in this standing area.</source>
        <translation>
            <numerusform>Complet : il ne reste que %n place dans cette zone debout.</numerusform>
            <numerusform>Complet : il ne reste que %n places dans cette zone debout.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::BoxOfficeWindow</name>
    <message>
        <source>Box office</source>
        <translation>Billetterie</translation>
    </message>
    <message>
        <source>End-of-day report…</source>
        <translation>Clôture de caisse…</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Événement :</translation>
    </message>
    <message>
        <source>Connection and lease status</source>
        <translation>État de la connexion et du contingent</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Contingent</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Guichet</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Online — selling live seats.</source>
        <translation>En ligne — vente des places en temps réel.</translation>
    </message>
    <message>
        <source>This device holds a lease: %1 of %2 seats left for offline sales.</source>
        <translation>Cet appareil dispose d’un contingent : %1 places sur %2 restantes pour la vente hors ligne.</translation>
    </message>
    <message>
        <source>Offline — selling from this device's lease: %1 of %2 seats left</source>
        <translation>Hors ligne — vente sur le contingent de cet appareil : %1 places sur %2 restantes</translation>
    </message>
    <message>
        <source>Offline — this device has no lease for this event, so nothing can be sold until the connection is back.</source>
        <translation>Hors ligne — cet appareil n’a pas de contingent pour cet événement : aucune vente n’est possible avant le retour de la connexion.</translation>
    </message>
    <message>
        <source>Offline sales uploading: %1.</source>
        <translation>Envoi des ventes hors ligne : %1.</translation>
    </message>
    <message>
        <source>(sales waiting to upload: %1)</source>
        <translation>(ventes en attente d’envoi : %1)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
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
    <name>marquee::client::CheckInService</name>
    <message>
        <source>This device could not record the check-in. Try again.</source>
        <translation>Cet appareil n’a pas pu enregistrer l’entrée. Réessayez.</translation>
    </message>
    <message>
        <source>Only staff, organizers and admins can check tickets in.</source>
        <translation>Seuls le personnel, les organisateurs et les administrateurs peuvent contrôler les billets à l’entrée.</translation>
    </message>
    <message>
        <source>The server refused the check-in: %1</source>
        <translation>Le serveur a refusé l’entrée : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::CheckInWindow</name>
    <message>
        <source>Check-in</source>
        <translation>Contrôle d’accès</translation>
    </message>
    <message>
        <source>e.g. North door</source>
        <translation>p. ex. Porte nord</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Événement :</translation>
    </message>
    <message>
        <source>Gate:</source>
        <translation>Accès :</translation>
    </message>
    <message>
        <source>Scan a ticket or type its code, then press Enter</source>
        <translation>Scannez un billet ou saisissez son code, puis appuyez sur Entrée</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Valider l’entrée</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Prêt à scanner</translation>
    </message>
    <message>
        <source>Flagged for staff (duplicate entries found on sync, refused uploads):</source>
        <translation>Signalés au personnel (entrées en double détectées lors de la synchronisation, envois refusés) :</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose an event first</source>
        <translation>Choisissez d’abord un événement</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Entrée validée</translation>
    </message>
    <message>
        <source>Already admitted at %1</source>
        <translation>Déjà validé à %1</translation>
    </message>
    <message>
        <source>Already admitted at %1 at %2</source>
        <translation>Déjà validé à %1 (%2)</translation>
    </message>
    <message>
        <source>Wrong event: this ticket is for another event</source>
        <translation>Mauvais événement : ce billet est valable pour un autre événement</translation>
    </message>
    <message>
        <source>Wrong event: ticket for “%1”</source>
        <translation>Mauvais événement : billet pour « %1 »</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Not a valid ticket</source>
        <translation>Billet non valide</translation>
    </message>
    <message>
        <source>Seat: %1</source>
        <translation>Place : %1</translation>
    </message>
    <message>
        <source>Sold offline at a box office; its sale is not synced yet.</source>
        <translation>Vendu hors ligne à une billetterie ; la vente n’est pas encore synchronisée.</translation>
    </message>
    <message>
        <source>Admitted by device %1.</source>
        <translation>Entrée validée par l’appareil %1.</translation>
    </message>
    <message>
        <source>The ticket was refunded or cancelled.</source>
        <translation>Le billet a été remboursé ou annulé.</translation>
    </message>
    <message>
        <source>Send the guest to the right entrance.</source>
        <translation>Orientez la personne vers la bonne entrée.</translation>
    </message>
    <message>
        <source>Offline: recorded on this device, it syncs when the connection is back.</source>
        <translation>Hors ligne : enregistré sur cet appareil, synchronisé dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Checked on this device (offline).</source>
        <translation>Contrôlé sur cet appareil (hors ligne).</translation>
    </message>
    <message>
        <source>Admitted so far: %1</source>
        <translation>Entrées validées : %1</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En ligne</translation>
    </message>
    <message>
        <source>● Offline — checking on this device</source>
        <translation>● Hors ligne — contrôle sur cet appareil</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) waiting to sync</source>
        <translation>
            <numerusform>%n entrée en attente de synchronisation</numerusform>
            <numerusform>%n entrées en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate entry: ticket %1 admitted again at %2 at %3 (device %4)</source>
        <translation>Entrée en double : billet %1 validé à nouveau à %2 (%3, appareil %4)</translation>
    </message>
    <message>
        <source>Admitted offline at %1, refused on sync: %2 (ticket %3)</source>
        <translation>Entrée validée hors ligne à %1, refusée lors de la synchronisation : %2 (billet %3)</translation>
    </message>
</context>
<context>
    <name>marquee::client::CheckoutDialog</name>
    <message>
        <source>Checkout</source>
        <translation>Finaliser la commande</translation>
    </message>
    <message>
        <source>Time left to complete the order</source>
        <translation>Temps restant pour finaliser la commande</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Prolonger</translation>
    </message>
    <message>
        <source>Keep the seats a little longer</source>
        <translation>Garder les places un peu plus longtemps</translation>
    </message>
    <message>
        <source>Your seats</source>
        <translation>Vos places</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>Name on the tickets</source>
        <translation>Nom figurant sur les billets</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Terminal de paiement</translation>
    </message>
    <message>
        <source>1234 5678 9012 3456</source>
        <translation>1234 5678 9012 3456</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>MM/AA</translation>
    </message>
    <message>
        <source>CVC</source>
        <translation>CVC</translation>
    </message>
    <message>
        <source>Card details are sent directly to the payment provider.</source>
        <translation>Les données de carte sont transmises directement au prestataire de paiement.</translation>
    </message>
    <message>
        <source>Card number:</source>
        <translation>Numéro de carte :</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Expiration :</translation>
    </message>
    <message>
        <source>Security code:</source>
        <translation>Cryptogramme :</translation>
    </message>
    <message>
        <source>amount received</source>
        <translation>montant reçu</translation>
    </message>
    <message>
        <source>Tendered:</source>
        <translation>Montant remis :</translation>
    </message>
    <message>
        <source>Change due:</source>
        <translation>Monnaie à rendre :</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>Terminal :</translation>
    </message>
    <message>
        <source>Release seats</source>
        <translation>Libérer les places</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Save tickets as PDF…</source>
        <translation>Enregistrer les billets en PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Your hold has expired</source>
        <translation>Votre réservation a expiré</translation>
    </message>
    <message>
        <source>Pick seats again</source>
        <translation>Choisir à nouveau des places</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source> (incl. %1 tax, %2 fees)</source>
        <translation> (dont %1 de taxes, %2 de frais)</translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s)</source>
        <translation>
            <numerusform>%n place debout</numerusform>
            <numerusform>%n places debout</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices, fees and taxes are shown when you pay.</source>
        <translation>Les prix, frais et taxes sont affichés lors du paiement.</translation>
    </message>
    <message>
        <source>Tickets: %1 — booking fees and taxes are added when you pay.</source>
        <translation>Billets : %1 — les frais de réservation et les taxes sont ajoutés lors du paiement.</translation>
    </message>
    <message>
        <source>Hurry: your seats are held for %1 more</source>
        <translation>Dépêchez-vous : vos places ne sont plus réservées que pendant %1</translation>
    </message>
    <message>
        <source>Your seats are held for %1</source>
        <translation>Vos places sont réservées pendant %1</translation>
    </message>
    <message>
        <source>Enter an amount like 50.00</source>
        <translation>Saisissez un montant, p. ex. 50,00</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Il manque %1</translation>
    </message>
    <message>
        <source>The seats were released. Pick seats again.</source>
        <translation>Les places ont été libérées. Choisissez à nouveau des places.</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Payer %1</translation>
    </message>
    <message>
        <source>Paying… please wait.</source>
        <translation>Paiement en cours… veuillez patienter.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Thank you!&lt;/h2&gt;&lt;p&gt;Order &lt;b&gt;%1&lt;/b&gt; is confirmed: %2 paid.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Merci !&lt;/h2&gt;&lt;p&gt;La commande &lt;b&gt;%1&lt;/b&gt; est confirmée : %2 payés.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Change due: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Monnaie à rendre : &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The tickets are also sent to %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les billets sont également envoyés à %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your tickets are being issued; they appear here and in My Orders &amp;amp; Tickets.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vos billets sont en cours d’émission ; ils apparaissent ici et dans « Mes commandes &amp;amp; billets ».&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Please enter the name for the tickets and an e-mail address for the confirmation.</source>
        <translation>Veuillez saisir le nom figurant sur les billets et une adresse e-mail pour la confirmation.</translation>
    </message>
    <message>
        <source>Please enter the card number, its expiry date (MM/YY) and security code.</source>
        <translation>Veuillez saisir le numéro de carte, sa date d’expiration (MM/AA) et son cryptogramme.</translation>
    </message>
    <message>
        <source>Enter the amount received.</source>
        <translation>Saisissez le montant reçu.</translation>
    </message>
    <message>
        <source>Try again: pay %1</source>
        <translation>Réessayer : payer %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Your seats stay held until the countdown runs out: try another card or payment method.</source>
        <translation>Vos places restent réservées jusqu’à la fin du compte à rebours : essayez une autre carte ou un autre moyen de paiement.</translation>
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
    <name>marquee::client::CounterPanel</name>
    <message>
        <source>Name, e-mail or order code (MQ-…)</source>
        <translation>Nom, e-mail ou code de commande (MQ-…)</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>Rechercher une commande</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Lignes de commande</translation>
    </message>
    <message>
        <source>Reprint tickets</source>
        <translation>Réimprimer les billets</translation>
    </message>
    <message>
        <source>Refund checked lines</source>
        <translation>Rembourser les lignes cochées</translation>
    </message>
    <message>
        <source>Refund whole order</source>
        <translation>Rembourser toute la commande</translation>
    </message>
    <message>
        <source>Cash for a price difference, e.g. 10.00</source>
        <translation>Espèces pour une différence de prix, p. ex. 10,00</translation>
    </message>
    <message>
        <source>Exchange checked lines for the seats selected on the map</source>
        <translation>Échanger les lignes cochées contre les places sélectionnées sur le plan</translation>
    </message>
    <message>
        <source>Refunded: %1 paid back.</source>
        <translation>Remboursement effectué : %1 rendus au client.</translation>
    </message>
    <message>
        <source>Seats exchanged; new tickets issued.</source>
        <translation>Places échangées ; nouveaux billets émis.</translation>
    </message>
    <message>
        <source>No order matches.</source>
        <translation>Aucune commande ne correspond.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 · %4&lt;br&gt;Paid %5 by %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 · %4&lt;br&gt;Payé : %5 (%6)</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>espèces</translation>
    </message>
    <message>
        <source>card terminal</source>
        <translation>terminal de paiement</translation>
    </message>
    <message>
        <source>card online</source>
        <translation>carte en ligne</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>Remboursé : %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3%4</source>
        <translation>%1 · %2 · %3%4</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation> (remboursé)</translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation>Choisissez d’abord une commande.</translation>
    </message>
    <message>
        <source>Tickets sent to the printer.</source>
        <translation>Billets envoyés à l’imprimante.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Check the lines to refund.</source>
        <translation>Cochez les lignes à rembourser.</translation>
    </message>
    <message>
        <source>Refund at the box office</source>
        <translation>Remboursement à la billetterie</translation>
    </message>
    <message>
        <source>Check the lines to exchange and select as many new seats on the map.</source>
        <translation>Cochez les lignes à échanger et sélectionnez autant de nouvelles places sur le plan.</translation>
    </message>
    <message>
        <source>Holding the new seats…</source>
        <translation>Réservation des nouvelles places…</translation>
    </message>
    <message>
        <source>Difference in cash</source>
        <translation>Différence en espèces</translation>
    </message>
    <message>
        <source>Difference at the card terminal</source>
        <translation>Différence au terminal de paiement</translation>
    </message>
    <message>
        <source>Card terminal for the difference</source>
        <translation>Terminal de paiement pour la différence</translation>
    </message>
</context>
<context>
    <name>marquee::client::CounterService</name>
    <message>
        <source>The server cannot be reached: this needs a connection.</source>
        <translation>Le serveur est injoignable : cette opération nécessite une connexion.</translation>
    </message>
    <message>
        <source>Only box-office staff can do this.</source>
        <translation>Seul le personnel de billetterie peut effectuer cette opération.</translation>
    </message>
    <message>
        <source>No such order.</source>
        <translation>Cette commande n’existe pas.</translation>
    </message>
    <message>
        <source>The order is still being processed; try again in a moment.</source>
        <translation>La commande est encore en cours de traitement ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The new seats' hold expired; pick them again.</source>
        <translation>La réservation des nouvelles places a expiré ; choisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>Pick as many new seats as lines to exchange.</source>
        <translation>Choisissez autant de nouvelles places que de lignes à échanger.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>Enter a name, an e-mail address or an order code.</source>
        <translation>Saisissez un nom, une adresse e-mail ou un code de commande.</translation>
    </message>
    <message>
        <source>Choose the lines to exchange and hold the new seats first.</source>
        <translation>Choisissez d’abord les lignes à échanger et réservez les nouvelles places.</translation>
    </message>
    <message>
        <source>The counted cash cannot be negative.</source>
        <translation>Le montant en espèces compté ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>The server sent no order.</source>
        <translation>Le serveur n’a envoyé aucune commande.</translation>
    </message>
    <message>
        <source>The server sent no report.</source>
        <translation>Le serveur n’a envoyé aucun rapport.</translation>
    </message>
</context>
<context>
    <name>marquee::client::DayReportDialog</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Terminal de paiement</translation>
    </message>
    <message>
        <source>Card online</source>
        <translation>Carte en ligne</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>End-of-day report</source>
        <translation>Clôture de caisse</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Print / save as PDF</source>
        <translation>Imprimer / enregistrer en PDF</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Jour :</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Espèces attendues</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Sales by payment method</source>
        <translation>Ventes par moyen de paiement</translation>
    </message>
    <message>
        <source>Cash counted in this drawer, e.g. 412.50</source>
        <translation>Espèces comptées dans ce tiroir-caisse, p. ex. 412,50</translation>
    </message>
    <message>
        <source>Record cash count</source>
        <translation>Enregistrer le comptage de caisse</translation>
    </message>
    <message>
        <source>Cash counted:</source>
        <translation>Espèces comptées :</translation>
    </message>
    <message>
        <source>Cash count recorded.</source>
        <translation>Comptage de caisse enregistré.</translation>
    </message>
    <message>
        <source>Enter the counted cash like 412.50.</source>
        <translation>Saisissez les espèces comptées, p. ex. 412,50.</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>non compté</translation>
    </message>
    <message>
        <source>This drawer: %1 expected, %2 counted — it balances.</source>
        <translation>Ce tiroir-caisse : %1 attendus, %2 comptés — la caisse est juste.</translation>
    </message>
    <message>
        <source>This drawer: %1 expected; enter the cash counted.</source>
        <translation>Ce tiroir-caisse : %1 attendus ; saisissez les espèces comptées.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Montant (%1)</translation>
    </message>
    <message>
        <source>Sales by payment method, %1</source>
        <translation>Ventes par moyen de paiement, %1</translation>
    </message>
    <message>
        <source>No box-office sales on this day.</source>
        <translation>Aucune vente en billetterie ce jour-là.</translation>
    </message>
    <message>
        <source>Report sent to the printer.</source>
        <translation>Rapport envoyé à l’imprimante.</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Rapport enregistré dans %1</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>caisse juste</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>manque de %1</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>excédent de %1</translation>
    </message>
    <message>
        <source>%1 (sales: %2)</source>
        <translation>%1 (ventes : %2)</translation>
    </message>
    <message>
        <source>This drawer: %1 expected, %2 counted — %3.</source>
        <translation>Ce tiroir-caisse : %1 attendus, %2 comptés — %3.</translation>
    </message>
</context>
<context>
    <name>marquee::client::DeviceAdminService</name>
    <message>
        <source>The server cannot be reached: managing devices needs a connection.</source>
        <translation>Le serveur est injoignable : la gestion des appareils nécessite une connexion.</translation>
    </message>
    <message>
        <source>Say why the device is revoked (for example: stolen, lost).</source>
        <translation>Indiquez pourquoi l’appareil est révoqué (par exemple : volé, perdu).</translation>
    </message>
    <message>
        <source>The reason is too long (at most 500 bytes).</source>
        <translation>Le motif est trop long (500 octets au maximum).</translation>
    </message>
    <message>
        <source>The server sent an unexpected answer.</source>
        <translation>Le serveur a envoyé une réponse inattendue.</translation>
    </message>
    <message>
        <source>Only admins can manage box-office devices.</source>
        <translation>Seuls les administrateurs peuvent gérer les appareils de billetterie.</translation>
    </message>
    <message>
        <source>The server knows no device with this id.</source>
        <translation>Le serveur ne connaît aucun appareil avec cet identifiant.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::DeviceKeyService</name>
    <message>
        <source>The server sent no certificate for this device.</source>
        <translation>Le serveur n’a envoyé aucun certificat pour cet appareil.</translation>
    </message>
    <message>
        <source>The server certified another key than this device's.</source>
        <translation>Le serveur a certifié une autre clé que celle de cet appareil.</translation>
    </message>
    <message>
        <source>The device certificate could not be saved: %1</source>
        <translation>Le certificat de l’appareil n’a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Only box-office staff can register this device for offline sales.</source>
        <translation>Seul le personnel de billetterie peut enregistrer cet appareil pour la vente hors ligne.</translation>
    </message>
    <message>
        <source>This device could not be registered for offline sales: %1</source>
        <translation>Cet appareil n’a pas pu être enregistré pour la vente hors ligne : %1</translation>
    </message>
    <message>
        <source>The server's ticket key %1 that signed this device's certificate is not known here.</source>
        <translation>La clé de signature des billets %1 du serveur, qui a signé le certificat de cet appareil, n’est pas connue ici.</translation>
    </message>
    <message>
        <source>The server sent a malformed certificate for this device.</source>
        <translation>Le serveur a envoyé un certificat mal formé pour cet appareil.</translation>
    </message>
    <message>
        <source>The server's certificate for this device does not verify: offline sales stay off.</source>
        <translation>Le certificat du serveur pour cet appareil n’a pas pu être vérifié : la vente hors ligne reste désactivée.</translation>
    </message>
    <message>
        <source>This device was revoked by an admin: it can no longer sell offline, lease seats or check tickets in.</source>
        <translation>Cet appareil a été révoqué par un administrateur : il ne peut plus vendre hors ligne, prendre un contingent de places ni contrôler des billets.</translation>
    </message>
</context>
<context>
    <name>marquee::client::DevicesPanel</name>
    <message>
        <source>Box-office devices that registered a ticket-signing key. Revoke a lost or stolen device: its unsold leased seats go back on sale and the doors stop trusting tickets it did not upload.</source>
        <translation>Les appareils de billetterie qui ont enregistré une clé de signature de billets. Révoquez un appareil perdu ou volé : ses places de contingent invendues sont remises en vente et le contrôle d’accès ne fait plus confiance aux billets qu’il n’a pas transmis.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Last upload</source>
        <translation>Dernier envoi</translation>
    </message>
    <message>
        <source>Leases (active)</source>
        <translation>Contingents (actifs)</translation>
    </message>
    <message>
        <source>Certificate until</source>
        <translation>Certificat jusqu’au</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Registered devices</source>
        <translation>Appareils enregistrés</translation>
    </message>
    <message>
        <source>Show revoked devices</source>
        <translation>Afficher les appareils révoqués</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is revoked. %n unsold leased seat(s) went back on sale.</source>
        <translation>
            <numerusform>« %1 » est révoqué. %n place de contingent invendue a été remise en vente.</numerusform>
            <numerusform>« %1 » est révoqué. %n places de contingent invendues ont été remises en vente.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Device id %1, key %2</source>
        <translation>Identifiant d’appareil %1, clé %2</translation>
    </message>
    <message>
        <source>Revoked %1 by %2: %3</source>
        <translation>Révoqué le %1 par %2 : %3</translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation>Certificat expiré</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>No device has registered a key yet.</source>
        <translation>Aucun appareil n’a encore enregistré de clé.</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>Révoquer l’appareil</translation>
    </message>
    <message numerus="yes">
        <source>Revoke “%1” (%2) for good?

• Its %n active lease(s) are returned: unsold seats go back on sale.
• It can no longer register, lease, upload sales or check tickets in.
• Tickets it sold offline and has not uploaded will be refused at the doors; sell those buyers new tickets at the counter.

This cannot be undone.</source>
        <translation>
            <numerusform>Révoquer définitivement « %1 » (%2) ?

• Son %n contingent actif est rendu : les places invendues sont remises en vente.
• Il ne peut plus s’enregistrer, prendre de contingent, transmettre de ventes ni contrôler de billets.
• Les billets qu’il a vendus hors ligne sans les transmettre seront refusés à l’entrée ; vendez de nouveaux billets à ces acheteurs au guichet.

Cette action est irréversible.</numerusform>
            <numerusform>Révoquer définitivement « %1 » (%2) ?

• Ses %n contingents actifs sont rendus : les places invendues sont remises en vente.
• Il ne peut plus s’enregistrer, prendre de contingent, transmettre de ventes ni contrôler de billets.
• Les billets qu’il a vendus hors ligne sans les transmettre seront refusés à l’entrée ; vendez de nouveaux billets à ces acheteurs au guichet.

Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why (required), e.g. “Stolen from the North box office”</source>
        <translation>Motif (obligatoire), p. ex. « Volé au guichet nord »</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Révocation…</translation>
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
jusqu'au %2</translation>
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
    <message>
        <source>Join waitlist…</source>
        <translation>S’inscrire sur la liste d’attente…</translation>
    </message>
    <message>
        <source>Sold out: get seats held for you when some come free</source>
        <translation>Complet : faites-vous réserver des places dès qu’il s’en libère</translation>
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
        <translation>Correspondance pour « %1 » dans %2 enregistrée ; réessayez les enregistrements concernés.</translation>
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
    <message>
        <source>Add Source…</source>
        <translation>Ajouter une source…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Feed category</source>
        <translation>Catégorie du flux</translation>
    </message>
    <message>
        <source>Maps to</source>
        <translation>Correspond à</translation>
    </message>
    <message>
        <source>&lt;b&gt;Category mappings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Correspondances de catégories&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Source %1 added; its first run is due now.</source>
        <translation>Source %1 ajoutée ; sa première exécution est prévue maintenant.</translation>
    </message>
    <message>
        <source>%1 paused.</source>
        <translation>%1 suspendue.</translation>
    </message>
    <message>
        <source>%1 resumed.</source>
        <translation>%1 reprise.</translation>
    </message>
    <message>
        <source>%1: fetching the feed…</source>
        <translation>%1 : récupération du flux…</translation>
    </message>
    <message>
        <source>%1: parsing the feed…</source>
        <translation>%1 : analyse du flux…</translation>
    </message>
    <message>
        <source>%1: reading records, %2 of %3…</source>
        <translation>%1 : lecture des enregistrements, %2 sur %3…</translation>
    </message>
    <message>
        <source>%1: writing to the catalog, %2 of %3 records…</source>
        <translation>%1 : écriture dans le catalogue, %2 enregistrements sur %3…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Add Source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>e.g. city-hall</source>
        <translation>p. ex. mairie</translation>
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
        <translation>Page web avec des événements schema.org (JSON-LD)</translation>
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
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Feed URL:</source>
        <translation>URL du flux :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Fetch every:</source>
        <translation>Récupérer toutes les :</translation>
    </message>
    <message>
        <source>Time zone for times without one:</source>
        <translation>Fuseau horaire pour les heures qui n’en ont pas :</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Lus</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiés</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangés</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Exécutions&lt;/b&gt;</translation>
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
        <translation>Interrompue</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>fetching the feed</source>
        <translation>récupération du flux</translation>
    </message>
    <message>
        <source>reading records, %1 of %2</source>
        <translation>lecture des entrées, %1 sur %2</translation>
    </message>
    <message>
        <source>writing records, %1 of %2</source>
        <translation>écriture des entrées, %1 sur %2</translation>
    </message>
    <message>
        <source>%1 of %2 chunks written</source>
        <translation>%1 blocs écrits sur %2</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>stopped after %1 of %2 chunks</source>
        <translation>arrêtée après %1 blocs sur %2</translation>
    </message>
    <message>
        <source>the next run of the source re-runs it (re-run %1 of %2 tried)</source>
        <translation>la prochaine exécution de la source la relance (relance %1 sur %2 tentée)</translation>
    </message>
    <message>
        <source>re-run of run %1</source>
        <translation>relance de l’exécution %1</translation>
    </message>
    <message>
        <source>finished by run %1</source>
        <translation>terminée par l’exécution %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Exécutions de %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Aucune exécution pour l’instant.</translation>
    </message>
</context>
<context>
    <name>marquee::client::JoinWaitlistDialog</name>
    <message>
        <source>Join the waitlist</source>
        <translation>S’inscrire sur la liste d’attente</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is sold out. Join the waitlist and we will hold seats for you as soon as some come free, side by side when we can. You get an e-mail and a notice here, and have a while to complete the booking.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; est complet. Inscrivez-vous sur la liste d’attente et nous vous réserverons des places dès qu’il s’en libère, côte à côte si possible. Vous recevrez un e-mail et une notification ici, et disposerez d’un certain temps pour finaliser la réservation.</translation>
    </message>
    <message>
        <source>Seats wanted</source>
        <translation>Places souhaitées</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Toutes catégories</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Catégorie de prix</translation>
    </message>
    <message>
        <source>Seats wanted:</source>
        <translation>Places souhaitées :</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>Join waitlist</source>
        <translation>S’inscrire sur la liste d’attente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
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
        <translation>« %1 » n’a pas pu être ouvert : %2</translation>
    </message>
    <message>
        <source>“%1” is not a seat map this editor can read. Nothing was changed.</source>
        <translation>« %1 » n’est pas un plan de salle lisible par cet éditeur. Rien n’a été modifié.</translation>
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
        <translation>« %1 » n’a pas pu être écrit : %2</translation>
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
        <translation>« %1 » n’a pas pu être lu comme image.</translation>
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
    <name>marquee::client::LeasePanel</name>
    <message>
        <source>Lease</source>
        <translation>Contingent</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Restantes</translation>
    </message>
    <message>
        <source>Sold here</source>
        <translation>Vendues ici</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmées</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Rendues</translation>
    </message>
    <message>
        <source>Lease seats for offline sales</source>
        <translation>Contingent de places pour la vente hors ligne</translation>
    </message>
    <message>
        <source>Lease the seats selected on the map</source>
        <translation>Mettre en contingent les places sélectionnées sur le plan</translation>
    </message>
    <message>
        <source>Lease by category</source>
        <translation>Créer un contingent par catégorie</translation>
    </message>
    <message>
        <source>Return unsold seats of the selected lease</source>
        <translation>Rendre les places invendues du contingent sélectionné</translation>
    </message>
    <message>
        <source>Refresh from the server</source>
        <translation>Actualiser depuis le serveur</translation>
    </message>
    <message>
        <source>Return unsold seats when the connection comes back</source>
        <translation>Rendre les places invendues dès le retour de la connexion</translation>
    </message>
    <message>
        <source>Offline sales the server rejected</source>
        <translation>Ventes hors ligne refusées par le serveur</translation>
    </message>
    <message>
        <source>Offline sales the server rejected (check them with the buyer):</source>
        <translation>Ventes hors ligne refusées par le serveur (à vérifier avec l’acheteur) :</translation>
    </message>
    <message>
        <source>Leasing…</source>
        <translation>Création du contingent…</translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation>%1 (%2) :</translation>
    </message>
    <message>
        <source>Select the lease to return.</source>
        <translation>Sélectionnez le contingent à rendre.</translation>
    </message>
    <message>
        <source>Returning…</source>
        <translation>Restitution en cours…</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Expire le %1</translation>
    </message>
    <message numerus="yes">
        <source>Lease the %n seat(s) selected on the map</source>
        <translation>
            <numerusform>Mettre en contingent %n place sélectionnée sur le plan</numerusform>
            <numerusform>Mettre en contingent %n places sélectionnées sur le plan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::LeaseService</name>
    <message>
        <source>The server cannot be reached: seats can only be leased while online.</source>
        <translation>Le serveur est injoignable : les contingents ne peuvent être créés qu’en ligne.</translation>
    </message>
    <message>
        <source>Only box-office staff can lease seats or return another device's lease.</source>
        <translation>Seul le personnel de billetterie peut créer des contingents ou rendre le contingent d’un autre appareil.</translation>
    </message>
    <message>
        <source>Some of these seats are no longer free.</source>
        <translation>Certaines de ces places ne sont plus libres.</translation>
    </message>
    <message>
        <source>These seats are no longer free: %1</source>
        <translation>Ces places ne sont plus libres : %1</translation>
    </message>
    <message>
        <source>Not enough free seats in that category to lease.</source>
        <translation>Il n’y a pas assez de places libres dans cette catégorie pour ce contingent.</translation>
    </message>
    <message>
        <source>This device is not registered for offline sales yet.</source>
        <translation>Cet appareil n’est pas encore enregistré pour la vente hors ligne.</translation>
    </message>
    <message>
        <source>Seat %1 is no longer available in this lease.</source>
        <translation>La place %1 n’est plus disponible dans ce contingent.</translation>
    </message>
    <message>
        <source>The server does not know this lease or event.</source>
        <translation>Le serveur ne connaît pas ce contingent ou cet événement.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>The server cannot be reached: seats can only be leased and returned while online.</source>
        <translation>Le serveur est injoignable : les contingents ne peuvent être créés et rendus qu’en ligne.</translation>
    </message>
    <message>
        <source>Only box-office staff can lease seats for offline sales.</source>
        <translation>Seul le personnel de billetterie peut créer des contingents pour la vente hors ligne.</translation>
    </message>
    <message>
        <source>Choose the seats to lease first.</source>
        <translation>Choisissez d’abord les places du contingent.</translation>
    </message>
    <message>
        <source>Enter how many seats to lease in at least one category.</source>
        <translation>Indiquez, pour au moins une catégorie, le nombre de places à mettre en contingent.</translation>
    </message>
    <message>
        <source>The server sent no lease.</source>
        <translation>Le serveur n’a envoyé aucun contingent.</translation>
    </message>
    <message>
        <source>This lease has no seats left to return.</source>
        <translation>Ce contingent n’a plus de places à rendre.</translation>
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
        <translation>S'inscrire</translation>
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
        <translation>S'inscrire…</translation>
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
    <message>
        <source>My Orders &amp;&amp; Tickets</source>
        <translation>Mes commandes &amp;&amp; billets</translation>
    </message>
    <message>
        <source>My Waitlist</source>
        <translation>Ma liste d’attente</translation>
    </message>
    <message>
        <source>Seats are held for you for %1. Complete the booking in My Waitlist.</source>
        <translation>Des places vous sont réservées pendant %1. Finalisez la réservation dans « Ma liste d’attente ».</translation>
    </message>
    <message>
        <source>Recommendation Settings…</source>
        <translation>Paramètres de recommandation…</translation>
    </message>
    <message>
        <source>Picked for you</source>
        <translation>Sélectionnés pour vous</translation>
    </message>
    <message>
        <source>Trending near you</source>
        <translation>Tendances près de chez vous</translation>
    </message>
    <message>
        <source>All Events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>For You</source>
        <translation>Pour vous</translation>
    </message>
    <message>
        <source>Trending Near You</source>
        <translation>Tendances près de chez vous</translation>
    </message>
    <message>
        <source>Similar events</source>
        <translation>Événements similaires</translation>
    </message>
    <message>
        <source>Box Office…</source>
        <translation>Billetterie…</translation>
    </message>
    <message>
        <source>Check-in…</source>
        <translation>Contrôle d’accès…</translation>
    </message>
</context>
<context>
    <name>marquee::client::MyOrdersWindow</name>
    <message>
        <source>My Orders &amp; Tickets</source>
        <translation>Mes commandes &amp; billets</translation>
    </message>
    <message>
        <source>Save tickets as PDF…</source>
        <translation>Enregistrer les billets en PDF…</translation>
    </message>
    <message>
        <source>Cancel order and refund</source>
        <translation>Annuler la commande et rembourser</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <source>Cancel this order? The tickets become invalid and the payment is refunded.</source>
        <translation>Annuler cette commande ? Les billets ne seront plus valides et le paiement sera remboursé.</translation>
    </message>
    <message>
        <source>The order was cancelled; the refund is on its way.</source>
        <translation>La commande a été annulée ; le remboursement est en cours.</translation>
    </message>
    <message>
        <source>Offline: showing the orders and tickets saved on this device. Tickets can still be shown at the entrance.</source>
        <translation>Hors ligne : affichage des commandes et billets enregistrés sur cet appareil. Les billets peuvent toujours être présentés à l’entrée.</translation>
    </message>
    <message>
        <source>No orders yet.</source>
        <translation>Aucune commande pour le moment.</translation>
    </message>
    <message>
        <source>Select an order to see its tickets.</source>
        <translation>Sélectionnez une commande pour voir ses billets.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Order &lt;b&gt;%4&lt;/b&gt; · %5 · %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Commande &lt;b&gt;%4&lt;/b&gt; · %5 · %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Refunded: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Remboursé : %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;You can cancel this order until %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vous pouvez annuler cette commande jusqu’au %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cancelling needs a connection.</source>
        <translation>L’annulation nécessite une connexion.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
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
    <name>marquee::client::OfflineSaleService</name>
    <message>
        <source>This device has no lease for this event.</source>
        <translation>Cet appareil n’a pas de contingent pour cet événement.</translation>
    </message>
    <message>
        <source>Seat %1 was already sold from this device's lease.</source>
        <translation>La place %1 a déjà été vendue sur le contingent de cet appareil.</translation>
    </message>
    <message>
        <source>Seat %1 was returned to general sale and cannot be sold offline.</source>
        <translation>La place %1 a été remise en vente générale et ne peut pas être vendue hors ligne.</translation>
    </message>
    <message>
        <source>Seat %1 is not in this device's lease.</source>
        <translation>La place %1 ne fait pas partie du contingent de cet appareil.</translation>
    </message>
    <message>
        <source>Sign in as box-office staff to sell offline.</source>
        <translation>Connectez-vous en tant que personnel de billetterie pour vendre hors ligne.</translation>
    </message>
    <message>
        <source>Choose seats or how many to sell.</source>
        <translation>Choisissez des places ou le nombre de places à vendre.</translation>
    </message>
    <message>
        <source>No seats are left in this device's lease.</source>
        <translation>Il ne reste aucune place dans le contingent de cet appareil.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n seat(s) left together in this device's lease.</source>
        <translation>
            <numerusform>Il ne reste que %n place contiguë dans le contingent de cet appareil.</numerusform>
            <numerusform>Il ne reste que %n places contiguës dans le contingent de cet appareil.</numerusform>
        </translation>
    </message>
    <message>
        <source>Seats %1 and %2 come from different leases: sell them separately.</source>
        <translation>Les places %1 et %2 proviennent de contingents différents : vendez-les séparément.</translation>
    </message>
    <message>
        <source>This device's ticket key is not certified (or the certificate expired): connect once while signed in as staff.</source>
        <translation>La clé de signature des billets de cet appareil n’est pas certifiée (ou son certificat a expiré) : connectez-vous une fois en étant identifié comme membre du personnel.</translation>
    </message>
    <message>
        <source>The lease's price for seat %1 is unreadable; lease the seats again.</source>
        <translation>Le prix du contingent pour la place %1 est illisible ; créez à nouveau le contingent.</translation>
    </message>
    <message>
        <source>The ticket could not be signed: %1</source>
        <translation>Le billet n’a pas pu être signé : %1</translation>
    </message>
    <message>
        <source>Not enough cash: %1 tendered, %2 due.</source>
        <translation>Espèces insuffisantes : %1 remis, %2 à payer.</translation>
    </message>
    <message>
        <source>Enter the card terminal's authorisation reference.</source>
        <translation>Saisissez la référence d’autorisation du terminal de paiement.</translation>
    </message>
    <message>
        <source>Offline, only cash and the card terminal can be taken.</source>
        <translation>Hors ligne, seuls les espèces et le terminal de paiement sont acceptés.</translation>
    </message>
    <message>
        <source>The sale could not be saved on this device: %1</source>
        <translation>La vente n’a pas pu être enregistrée sur cet appareil : %1</translation>
    </message>
    <message>
        <source>The server answered the upload without results.</source>
        <translation>Le serveur a répondu à l’envoi sans résultats.</translation>
    </message>
    <message>
        <source>The upload's results could not be saved: %1</source>
        <translation>Les résultats de l’envoi n’ont pas pu être enregistrés : %1</translation>
    </message>
    <message>
        <source>The offline sales could not be uploaded yet: %1</source>
        <translation>Les ventes hors ligne n’ont pas encore pu être envoyées : %1</translation>
    </message>
    <message>
        <source>This device's lease for this event expired on %1: connect to return it and lease seats again.</source>
        <translation>Le contingent de cet appareil pour cet événement a expiré le %1 : connectez-vous pour le rendre et créer un nouveau contingent.</translation>
    </message>
    <message>
        <source>Seat %1 is being returned to general sale and cannot be sold offline.</source>
        <translation>La place %1 est en cours de remise en vente générale et ne peut pas être vendue hors ligne.</translation>
    </message>
    <message>
        <source>The buyer's e-mail address "%1" is not valid: correct it or leave it empty.</source>
        <translation>L’adresse e-mail « %1 » de l’acheteur n’est pas valide : corrigez-la ou laissez le champ vide.</translation>
    </message>
    <message numerus="yes">
        <source>The buyer's name is too long (at most %n bytes; accented letters take two).</source>
        <translation>
            <numerusform>Le nom de l’acheteur est trop long (%n octet au maximum ; les lettres accentuées en comptent deux).</numerusform>
            <numerusform>Le nom de l’acheteur est trop long (%n octets au maximum ; les lettres accentuées en comptent deux).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The card terminal's reference is too long (at most %n bytes; accented letters take two).</source>
        <translation>
            <numerusform>La référence du terminal de paiement est trop longue (%n octet au maximum ; les lettres accentuées en comptent deux).</numerusform>
            <numerusform>La référence du terminal de paiement est trop longue (%n octets au maximum ; les lettres accentuées en comptent deux).</numerusform>
        </translation>
    </message>
    <message>
        <source>Damaged offline sales on this device could not be set aside: %1</source>
        <translation>Les ventes hors ligne endommagées sur cet appareil n’ont pas pu être mises de côté : %1</translation>
    </message>
    <message>
        <source>This sale's record on the device is damaged and could not be uploaded: check the printed tickets and enter the sale by hand.</source>
        <translation>L’enregistrement de cette vente sur l’appareil est endommagé et n’a pas pu être envoyé : vérifiez les billets imprimés et saisissez la vente manuellement.</translation>
    </message>
    <message>
        <source>This device was revoked by an admin: it can no longer sell offline.</source>
        <translation>Cet appareil a été révoqué par un administrateur : il ne peut plus vendre hors ligne.</translation>
    </message>
    <message>
        <source>Not confirmed: this device was revoked by an admin before the server confirmed the sale. Ask an admin to look the order code up on the server: if the order is there, the sale stands; if not, its tickets are refused at the door, so refund the buyer or sell the seats again on another till.</source>
        <translation>Non confirmée : cet appareil a été révoqué par un administrateur avant que le serveur confirme la vente. Demandez à un administrateur de chercher le code de commande sur le serveur : si la commande y figure, la vente est valable ; sinon ses billets sont refusés à l’entrée, remboursez donc l’acheteur ou revendez les places sur une autre caisse.</translation>
    </message>
    <message>
        <source>The offline sales of this revoked device could not be set aside: %1</source>
        <translation>Les ventes hors ligne de cet appareil révoqué n’ont pas pu être mises de côté : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::OpenLayoutDialog</name>
    <message>
        <source>Open Seat Map</source>
        <translation>Ouvrir un plan de salle</translation>
    </message>
    <message>
        <source>Filter by name or venue</source>
        <translation>Filtrer par nom ou lieu</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Unknown venue</source>
        <translation>Lieu inconnu</translation>
    </message>
    <message>
        <source>Seats plus standing places</source>
        <translation>Places assises et places debout</translation>
    </message>
    <message>
        <source>House layout</source>
        <translation>Plan de la salle</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Another organizer</source>
        <translation>Un autre organisateur</translation>
    </message>
    <message>
        <source>Layout id %1</source>
        <translation>Identifiant du plan %1</translation>
    </message>
    <message>
        <source>No seat maps have been synced yet. Seat maps are saved from this editor (File › Save to Server) and arrive with the catalog sync.</source>
        <translation>Aucun plan de salle n’a encore été synchronisé. Les plans sont enregistrés depuis cet éditeur (Fichier › Enregistrer sur le serveur) et arrivent avec la synchronisation du catalogue.</translation>
    </message>
    <message>
        <source>No seat map matches the filter.</source>
        <translation>Aucun plan de salle ne correspond au filtre.</translation>
    </message>
</context>
<context>
    <name>marquee::client::OrderListModel</name>
    <message>
        <source>Event date</source>
        <translation>Date de l’événement</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
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
    <name>marquee::client::RecommendService</name>
    <message>
        <source>The recommendations could not be saved: %1</source>
        <translation>Impossible d’enregistrer les recommandations : %1</translation>
    </message>
    <message>
        <source>You are offline: settings can be changed once connected.</source>
        <translation>Vous êtes hors ligne : les paramètres pourront être modifiés dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Log in to change your recommendation settings.</source>
        <translation>Connectez-vous pour modifier vos paramètres de recommandation.</translation>
    </message>
    <message>
        <source>You are offline: your history can be deleted once connected.</source>
        <translation>Vous êtes hors ligne : votre historique pourra être supprimé dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Log in to delete your history.</source>
        <translation>Connectez-vous pour supprimer votre historique.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>Le serveur est injoignable.</translation>
    </message>
    <message>
        <source>Log in again to continue.</source>
        <translation>Reconnectez-vous pour continuer.</translation>
    </message>
    <message>
        <source>The server refused this: %1</source>
        <translation>Le serveur a refusé cette demande : %1</translation>
    </message>
    <message>
        <source>This event is not known to the server.</source>
        <translation>Cet événement est inconnu du serveur.</translation>
    </message>
    <message>
        <source>Something went wrong on the server (%1).</source>
        <translation>Une erreur s’est produite sur le serveur (%1).</translation>
    </message>
</context>
<context>
    <name>marquee::client::RecommendationListModel</name>
    <message>
        <source>Trending within %1 km of %2</source>
        <translation>Tendances dans un rayon de %1 km autour de %2</translation>
    </message>
    <message>
        <source>Trending within %1 km of you</source>
        <translation>Tendances à moins de %1 km de chez vous</translation>
    </message>
    <message>
        <source>Trending this week</source>
        <translation>Tendances de la semaine</translation>
    </message>
    <message>
        <source>Trending in %1</source>
        <translation>Tendances à %1</translation>
    </message>
    <message>
        <source>Picked for your taste</source>
        <translation>Choisi selon vos goûts</translation>
    </message>
    <message>
        <source>Because you saved “%1”</source>
        <translation>Parce que vous avez ajouté « %1 » à vos favoris</translation>
    </message>
    <message>
        <source>Because you liked “%1”</source>
        <translation>Parce que vous avez aimé « %1 »</translation>
    </message>
    <message>
        <source>Similar to events you looked at</source>
        <translation>Semblable aux événements que vous avez consultés</translation>
    </message>
    <message>
        <source>Similar to “%1”</source>
        <translation>Semblable à « %1 »</translation>
    </message>
    <message>
        <source>Popular in your area this week</source>
        <translation>Populaire près de chez vous cette semaine</translation>
    </message>
    <message>
        <source>Popular this week</source>
        <translation>Populaire cette semaine</translation>
    </message>
    <message>
        <source>Matches your interests</source>
        <translation>Correspond à vos centres d’intérêt</translation>
    </message>
    <message>
        <source>Recommended for you</source>
        <translation>Recommandé pour vous</translation>
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
        <translation>Aucune recommandation pour l’instant. Ouvrez quelques événements ou ajoutez-les à vos favoris, ou indiquez vos centres d’intérêt dans les paramètres de recommandation.</translation>
    </message>
    <message>
        <source>No similar upcoming events.</source>
        <translation>Aucun événement similaire à venir.</translation>
    </message>
    <message>
        <source>Nothing is trending this week yet.</source>
        <translation>Aucune tendance cette semaine pour l’instant.</translation>
    </message>
    <message>
        <source>Nothing is trending in your area this week yet.</source>
        <translation>Aucune tendance près de chez vous cette semaine pour l’instant.</translation>
    </message>
    <message>
        <source>Log in to see events picked for you.</source>
        <translation>Connectez-vous pour voir les événements sélectionnés pour vous.</translation>
    </message>
    <message>
        <source>Loading recommendations…</source>
        <translation>Chargement des recommandations…</translation>
    </message>
    <message>
        <source>Offline — recommendations appear once connected.</source>
        <translation>Hors ligne — les recommandations apparaîtront dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Recommendations could not be loaded: %1</source>
        <translation>Impossible de charger les recommandations : %1</translation>
    </message>
    <message>
        <source>Offline — showing recommendations from %1</source>
        <translation>Hors ligne — affichage des recommandations (dernière mise à jour : %1)</translation>
    </message>
    <message>
        <source>Could not update (%1) — showing recommendations from %2</source>
        <translation>Mise à jour impossible (%1) — affichage des recommandations (dernière mise à jour : %2)</translation>
    </message>
</context>
<context>
    <name>marquee::client::RecommendationListWidget</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Ask the server for fresh recommendations</source>
        <translation>Demander de nouvelles recommandations au serveur</translation>
    </message>
</context>
<context>
    <name>marquee::client::RecommendationSettingsDialog</name>
    <message>
        <source>Recommendation Settings</source>
        <translation>Paramètres de recommandation</translation>
    </message>
    <message>
        <source>Your activity</source>
        <translation>Votre activité</translation>
    </message>
    <message>
        <source>Use the events I open and search for to recommend events</source>
        <translation>Utiliser les événements que j’ouvre et que je recherche pour me recommander des événements</translation>
    </message>
    <message>
        <source>When this is off, nothing you do is recorded, and your orders are not used for recommendations.</source>
        <translation>Lorsque cette option est désactivée, aucune de vos actions n’est enregistrée et vos commandes ne sont pas utilisées pour les recommandations.</translation>
    </message>
    <message>
        <source>Delete My History…</source>
        <translation>Supprimer mon historique…</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Centres d’intérêt</translation>
    </message>
    <message>
        <source>Other interests (comma-separated):</source>
        <translation>Autres centres d’intérêt (séparés par des virgules) :</translation>
    </message>
    <message>
        <source>e.g. jazz, stand-up, chamber music</source>
        <translation>p. ex. jazz, stand-up, musique de chambre</translation>
    </message>
    <message>
        <source>Your area</source>
        <translation>Votre région</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>Only this city</source>
        <translation>Cette ville uniquement</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ville :</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>Rayon :</translation>
    </message>
    <message>
        <source>"Trending near you" and "For you" look here. A distance searches around the city's centre.</source>
        <translation>« Tendances près de chez vous » et « Pour vous » s’appuient sur cette région. Une distance définit un rayon autour du centre-ville.</translation>
    </message>
    <message>
        <source>E-mail me about events on my wishlist when they…</source>
        <translation>M’avertir par e-mail lorsque des événements de mes favoris…</translation>
    </message>
    <message>
        <source>are about to sell out</source>
        <translation>sont presque complets</translation>
    </message>
    <message>
        <source>drop in price</source>
        <translation>baissent de prix</translation>
    </message>
    <message>
        <source>change date or venue</source>
        <translation>changent de date ou de lieu</translation>
    </message>
    <message>
        <source>are cancelled</source>
        <translation>sont annulés</translation>
    </message>
    <message>
        <source>Also send me a weekly digest of recommended events</source>
        <translation>M’envoyer aussi chaque semaine une sélection d’événements recommandés</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message numerus="yes">
        <source>Your history was deleted (%n recorded action(s)).</source>
        <translation>
            <numerusform>Votre historique a été supprimé (%n action enregistrée).</numerusform>
            <numerusform>Votre historique a été supprimé (%n actions enregistrées).</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to 50 other interests, each at most 100 characters.</source>
        <translation>Jusqu’à 50 autres centres d’intérêt, de 100 caractères maximum chacun.</translation>
    </message>
    <message>
        <source>The city name is too long.</source>
        <translation>Le nom de la ville est trop long.</translation>
    </message>
    <message>
        <source>Pick a city from the list to search within a distance of it.</source>
        <translation>Choisissez une ville dans la liste pour chercher dans un rayon autour d’elle.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Delete My History</source>
        <translation>Supprimer mon historique</translation>
    </message>
    <message>
        <source>Delete everything Marquee has recorded about the events you opened, searched for, saved and booked for your recommendations?</source>
        <translation>Supprimer tout ce que Marquee a enregistré pour vos recommandations sur les événements que vous avez ouverts, recherchés, ajoutés aux favoris et réservés ?</translation>
    </message>
    <message>
        <source>"For you" starts over from your interests. Your orders, tickets and wishlist stay. This cannot be undone.</source>
        <translation>« Pour vous » repartira de vos centres d’intérêt. Vos commandes, billets et favoris sont conservés. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete History</source>
        <translation>Supprimer l’historique</translation>
    </message>
    <message>
        <source>Deleting your history…</source>
        <translation>Suppression de votre historique…</translation>
    </message>
    <message>
        <source>Log in to change your recommendation settings.</source>
        <translation>Connectez-vous pour modifier vos paramètres de recommandation.</translation>
    </message>
    <message>
        <source>Offline — showing your settings as last saved; changes need a connection.</source>
        <translation>Hors ligne — affichage de vos paramètres tels qu’enregistrés en dernier ; les modifications nécessitent une connexion.</translation>
    </message>
</context>
<context>
    <name>marquee::client::SalePanel</name>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Number of seats</source>
        <translation>Nombre de places</translation>
    </message>
    <message>
        <source>Best available</source>
        <translation>Meilleures places</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Terminal de paiement</translation>
    </message>
    <message>
        <source>Cash handed over, e.g. 50.00</source>
        <translation>Espèces remises, p. ex. 50,00</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Montant remis</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Montant exact</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Tendered:</source>
        <translation>Montant remis :</translation>
    </message>
    <message>
        <source>Change due:</source>
        <translation>Monnaie à rendre :</translation>
    </message>
    <message>
        <source>Authorisation code printed by the terminal</source>
        <translation>Code d’autorisation imprimé par le terminal</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>Terminal :</translation>
    </message>
    <message>
        <source>Offline reference:</source>
        <translation>Référence hors ligne :</translation>
    </message>
    <message>
        <source>Buyer (optional)</source>
        <translation>Acheteur (facultatif)</translation>
    </message>
    <message>
        <source>Walk-up customer</source>
        <translation>Client au guichet</translation>
    </message>
    <message>
        <source>Tickets by e-mail too</source>
        <translation>Billets également par e-mail</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vendre</translation>
    </message>
    <message>
        <source>Print tickets</source>
        <translation>Imprimer les billets</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <source>Enter an amount like 50.00</source>
        <translation>Saisissez un montant, p. ex. 50,00</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Il manque %1</translation>
    </message>
    <message>
        <source>Pick seats on the map, or the best available.</source>
        <translation>Choisissez des places sur le plan, ou les meilleures disponibles.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) chosen.</source>
        <translation>
            <numerusform>%n place choisie.</numerusform>
            <numerusform>%n places choisies.</numerusform>
        </translation>
    </message>
    <message>
        <source>Due: %1 + booking fees</source>
        <translation>À payer : %1 + frais de réservation</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message numerus="yes">
        <source>Sell %n seat(s)</source>
        <translation>
            <numerusform>Vendre %n place</numerusform>
            <numerusform>Vendre %n places</numerusform>
        </translation>
    </message>
    <message>
        <source>This device has no lease for this event.</source>
        <translation>Cet appareil n’a pas de contingent pour cet événement.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n seat(s) left in this device's lease.</source>
        <translation>
            <numerusform>Il ne reste que %n place dans le contingent de cet appareil.</numerusform>
            <numerusform>Il ne reste que %n places dans le contingent de cet appareil.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the cash handed over.</source>
        <translation>Saisissez les espèces remises.</translation>
    </message>
    <message>
        <source>No card terminal is configured for this box office.</source>
        <translation>Aucun terminal de paiement n’est configuré pour cette billetterie.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Sold %1&lt;/b&gt; — %n ticket(s), total %2.</source>
        <translation>
            <numerusform>&lt;b&gt;Vente %1&lt;/b&gt; — %n billet, total %2.</numerusform>
            <numerusform>&lt;b&gt;Vente %1&lt;/b&gt; — %n billets, total %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change due: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Monnaie à rendre : &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sold offline: it is uploaded when the connection is back.</source>
        <translation>Vendu hors ligne : la vente sera envoyée dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>The tickets are still being issued; try again in a moment.</source>
        <translation>Les billets sont encore en cours d’émission ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Tickets sent to the printer.</source>
        <translation>Billets envoyés à l’imprimante.</translation>
    </message>
    <message>
        <source>Sold offline by this box office; the tickets are valid.</source>
        <translation>Vendu hors ligne par cette billetterie ; les billets sont valables.</translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation>Reçu envoyé à l’imprimante.</translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Zone debout</translation>
    </message>
    <message>
        <source>Number of standing places</source>
        <translation>Nombre de places debout</translation>
    </message>
    <message>
        <source>Hold places</source>
        <translation>Réserver les places</translation>
    </message>
    <message>
        <source>Hold standing places</source>
        <translation>Réserver des places debout</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n left</source>
        <translation>
            <numerusform>%1 · %n restante</numerusform>
            <numerusform>%1 · %n restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing places are sold online only; they cannot be leased for offline sale.</source>
        <translation>Les places debout se vendent uniquement en ligne ; elles ne peuvent pas être mises en contingent pour la vente hors ligne.</translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s) held.</source>
        <translation>
            <numerusform>%n place debout réservée.</numerusform>
            <numerusform>%n places debout réservées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sell %n standing place(s)</source>
        <translation>
            <numerusform>Vendre %n place debout</numerusform>
            <numerusform>Vendre %n places debout</numerusform>
        </translation>
    </message>
    <message>
        <source>No e-mail address: nothing is mailed. Print the tickets and hand them over.</source>
        <translation>Pas d’adresse e-mail : rien n’est envoyé. Imprimez les billets et remettez-les.</translation>
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
    <message>
        <source>Offline: searching the offline catalog on this device. It is still being indexed, so recently synced events may be missing.</source>
        <translation>Hors ligne : recherche dans le catalogue hors ligne de cet appareil. Son indexation est en cours : des événements récemment synchronisés peuvent manquer.</translation>
    </message>
    <message>
        <source>About %1 results</source>
        <translation>Environ %1 résultats</translation>
    </message>
    <message>
        <source>%1+ results</source>
        <translation>Plus de %1 résultats</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>environ %1</translation>
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
    <message>
        <source>Book</source>
        <translation>Réserver</translation>
    </message>
</context>
<context>
    <name>marquee::client::WaitlistPanel</name>
    <message>
        <source>My waitlist</source>
        <translation>Ma liste d’attente</translation>
    </message>
    <message>
        <source>You are not on any waitlist. When an event is sold out, join its waitlist from the event page.</source>
        <translation>Vous n’êtes inscrit sur aucune liste d’attente. Lorsqu’un événement est complet, inscrivez-vous sur sa liste d’attente depuis la page de l’événement.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s), any category</source>
        <translation>
            <numerusform>%n place, toutes catégories</numerusform>
            <numerusform>%n places, toutes catégories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s), %1</source>
        <translation>
            <numerusform>%n place, %1</numerusform>
            <numerusform>%n places, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The offer has lapsed.</source>
        <translation>L’offre a expiré.</translation>
    </message>
    <message>
        <source>Held for you for %1 more</source>
        <translation>Encore réservées pour vous pendant %1</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Offered seats</source>
        <translation>Places proposées</translation>
    </message>
    <message>
        <source>No seats side by side were free, so these seats are apart.</source>
        <translation>Aucune place côte à côte n’était libre ; ces places sont donc séparées.</translation>
    </message>
    <message>
        <source>Complete booking</source>
        <translation>Finaliser la réservation</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Leave waitlist</source>
        <translation>Quitter la liste d’attente</translation>
    </message>
</context>
<context>
    <name>marquee::client::WaitlistService</name>
    <message>
        <source>Log in to join the waitlist.</source>
        <translation>Connectez-vous pour vous inscrire sur la liste d’attente.</translation>
    </message>
    <message>
        <source>You are offline. Join the waitlist once the connection is back.</source>
        <translation>Vous êtes hors ligne. Inscrivez-vous sur la liste d’attente dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>You are offline. Leave the waitlist once the connection is back.</source>
        <translation>Vous êtes hors ligne. Quittez la liste d’attente dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Waiting — number %1 in line</source>
        <translation>En attente — n° %1 dans la file</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Seats offered to you</source>
        <translation>Places qui vous sont proposées</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Offer lapsed</source>
        <translation>Offre expirée</translation>
    </message>
    <message>
        <source>Left the waitlist</source>
        <translation>Liste d’attente quittée</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>You could not leave the waitlist: %1</source>
        <translation>Impossible de quitter la liste d’attente : %1</translation>
    </message>
    <message>
        <source>An order is being paid from this offer; it cannot be left now.</source>
        <translation>Une commande issue de cette offre est en cours de paiement ; impossible de quitter la liste d’attente pour le moment.</translation>
    </message>
    <message>
        <source>This waitlist entry is not yours.</source>
        <translation>Cette inscription sur liste d’attente ne vous appartient pas.</translation>
    </message>
    <message>
        <source>You are already on the waitlist for this event and category.</source>
        <translation>Vous êtes déjà inscrit sur la liste d’attente pour cet événement et cette catégorie.</translation>
    </message>
    <message>
        <source>Enough seats are still free, though not side by side. Pick them on the seat map.</source>
        <translation>Il reste suffisamment de places libres, mais pas côte à côte. Choisissez-les sur le plan de salle.</translation>
    </message>
    <message>
        <source>Enough seats are still free. Hold them now instead of waiting.</source>
        <translation>Il reste suffisamment de places libres. Réservez-les maintenant au lieu d’attendre.</translation>
    </message>
    <message>
        <source>This event has no seat map, so it has no waitlist.</source>
        <translation>Cet événement n’a pas de plan de salle, et donc pas de liste d’attente.</translation>
    </message>
    <message>
        <source>This event is cancelled or over.</source>
        <translation>Cet événement est annulé ou terminé.</translation>
    </message>
    <message numerus="yes">
        <source>The event has only %n seat(s) in this category.</source>
        <translation>
            <numerusform>L’événement ne compte que %n place dans cette catégorie.</numerusform>
            <numerusform>L’événement ne compte que %n places dans cette catégorie.</numerusform>
        </translation>
    </message>
    <message>
        <source>The waitlist request was refused: %1</source>
        <translation>La demande d’inscription sur liste d’attente a été refusée : %1</translation>
    </message>
    <message>
        <source>The connection dropped. Try again when it is back.</source>
        <translation>La connexion a été interrompue. Réessayez dès son rétablissement.</translation>
    </message>
    <message>
        <source>Joining the waitlist failed: %1</source>
        <translation>L’inscription sur la liste d’attente a échoué : %1</translation>
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
        <translation>Les favoris n'ont pas pu être enregistrés : %1</translation>
    </message>
    <message>
        <source>This event no longer exists, so the wishlist change was undone.</source>
        <translation>Cet événement n'existe plus ; la modification des favoris a été annulée.</translation>
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
<context>
    <name>marquee::client::kiosk::AttractScreen</name>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Staff menu (press and hold)</source>
        <translation>Menu du personnel (appui long)</translation>
    </message>
    <message>
        <source>Tickets here</source>
        <translation>Vos billets ici</translation>
    </message>
    <message>
        <source>Buy tickets for today's and upcoming events. Touch the screen to start.</source>
        <translation>Achetez vos billets pour les événements du jour et à venir. Touchez l’écran pour commencer.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Touchez pour commencer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Coming up:</source>
        <translation>Prochainement :</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::CashScreen</name>
    <message>
        <source>Cash payment</source>
        <translation>Paiement en espèces</translation>
    </message>
    <message>
        <source>Amount received:</source>
        <translation>Montant reçu :</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <source>Enter an amount like %1</source>
        <translation>Saisissez un montant, p. ex. %1</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Il manque %1</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <translation>Monnaie à rendre : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::DoneScreen</name>
    <message>
        <source>Thank you!</source>
        <translation>Merci !</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message numerus="yes">
        <source>Order &lt;b&gt;%1&lt;/b&gt;: %n ticket(s) for %2, %3 paid.</source>
        <translation>
            <numerusform>Commande &lt;b&gt;%1&lt;/b&gt; : %n billet pour %2, montant réglé : %3.</numerusform>
            <numerusform>Commande &lt;b&gt;%1&lt;/b&gt; : %n billets pour %2, montant réglé : %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change due: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Monnaie à rendre : &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::EventsScreen</name>
    <message>
        <source>Choose an event</source>
        <translation>Choisissez un événement</translation>
    </message>
    <message>
        <source>There are no events on sale at this kiosk right now.</source>
        <translation>Aucun événement n’est en vente sur cette borne pour le moment.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédents</translation>
    </message>
    <message>
        <source>More events ▶</source>
        <translation>Plus d’événements ▶</translation>
    </message>
    <message>
        <source>TODAY %1</source>
        <translation>AUJOURD’HUI %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::KioskWindow</name>
    <message>
        <source>Marquee kiosk</source>
        <translation>Borne Marquee</translation>
    </message>
    <message>
        <source>Yes, I'm still here</source>
        <translation>Oui, je suis toujours là</translation>
    </message>
    <message numerus="yes">
        <source>Are you still there?
Starting over in %n second(s).</source>
        <translation>
            <numerusform>Êtes-vous toujours là ?
Retour à l’accueil dans %n seconde.</numerusform>
            <numerusform>Êtes-vous toujours là ?
Retour à l’accueil dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of service: no staff account is signed in on this kiosk.</source>
        <translation>Hors service : aucun compte du personnel n’est connecté sur cette borne.</translation>
    </message>
    <message>
        <source>Out of service: the signed-in account may not sell at a kiosk.</source>
        <translation>Hors service : le compte connecté n’est pas autorisé à vendre sur une borne.</translation>
    </message>
    <message>
        <source>Out of service: no connection to the ticket server. Please use the box office.</source>
        <translation>Hors service : pas de connexion au serveur de billetterie. Veuillez vous adresser à la billetterie.</translation>
    </message>
    <message>
        <source>Out of service while offline: card payments need the connection. Please use the box office.</source>
        <translation>Hors service tant que la connexion est coupée : le paiement par carte nécessite la connexion. Veuillez vous adresser à la billetterie.</translation>
    </message>
    <message>
        <source>Offline: selling from the seats reserved for this kiosk (%1 left). The sale is confirmed with the server when the connection is back.</source>
        <translation>Hors ligne : vente sur les places réservées à cette borne (%1 restantes). La vente sera confirmée auprès du serveur dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Offline, and no seats reserved for this kiosk are left for this event.</source>
        <translation>Hors ligne, et il ne reste aucune place réservée à cette borne pour cet événement.</translation>
    </message>
    <message>
        <source>Offline: only %1 of the seats reserved for this kiosk are left.</source>
        <translation>Hors ligne : il ne reste que %1 des places réservées à cette borne.</translation>
    </message>
    <message>
        <source>Finding the best seats…</source>
        <translation>Recherche des meilleures places…</translation>
    </message>
    <message>
        <source>Holding your seats…</source>
        <translation>Réservation de vos places…</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>Tickets: %1 (booking fees, if any, are added at payment)</source>
        <translation>Billets : %1 (les éventuels frais de réservation sont ajoutés au paiement)</translation>
    </message>
    <message>
        <source>Card payments are not available at this kiosk right now.</source>
        <translation>Le paiement par carte n’est pas disponible sur cette borne pour le moment.</translation>
    </message>
    <message>
        <source>Card payments need the connection to the ticket server.</source>
        <translation>Le paiement par carte nécessite la connexion au serveur de billetterie.</translation>
    </message>
    <message>
        <source>Kiosk customer</source>
        <translation>Client de la borne</translation>
    </message>
    <message>
        <source>Please pay at the card terminal</source>
        <translation>Veuillez payer sur le terminal de paiement</translation>
    </message>
    <message>
        <source>Insert, tap or swipe your card and follow the instructions on the terminal.</source>
        <translation>Insérez, approchez ou glissez votre carte et suivez les instructions du terminal.</translation>
    </message>
    <message>
        <source>Recording the cash payment…</source>
        <translation>Enregistrement du paiement en espèces…</translation>
    </message>
    <message>
        <source>One moment please.</source>
        <translation>Un instant, s’il vous plaît.</translation>
    </message>
    <message>
        <source>The sale could not be completed</source>
        <translation>La vente n’a pas pu être finalisée</translation>
    </message>
    <message>
        <source>Your time ran out</source>
        <translation>Votre temps est écoulé</translation>
    </message>
    <message>
        <source>Payment declined</source>
        <translation>Paiement refusé</translation>
    </message>
    <message>
        <source>Payment not completed</source>
        <translation>Paiement non finalisé</translation>
    </message>
    <message>
        <source>Your seats stay held for %1 more minutes.</source>
        <translation>Vos places restent réservées encore %1 minutes.</translation>
    </message>
    <message>
        <source>Payment accepted</source>
        <translation>Paiement accepté</translation>
    </message>
    <message>
        <source>Printing your tickets…</source>
        <translation>Impression de vos billets…</translation>
    </message>
    <message>
        <source>Sold offline from this kiosk's reserved seats; confirmed with the server when the kiosk is back online.</source>
        <translation>Vendu hors ligne sur les places réservées à cette borne ; confirmé auprès du serveur dès que la borne sera de nouveau en ligne.</translation>
    </message>
    <message>
        <source>Sold offline: the sale is confirmed with the server when the connection is back. Please take your tickets and your receipt.</source>
        <translation>Vendu hors ligne : la vente sera confirmée auprès du serveur dès le retour de la connexion. Veuillez prendre vos billets et votre reçu.</translation>
    </message>
    <message>
        <source>Please take your tickets and your receipt.</source>
        <translation>Veuillez prendre vos billets et votre reçu.</translation>
    </message>
    <message>
        <source>Printing failed (%1). Your order is paid: please show the order code to staff.</source>
        <translation>L’impression a échoué (%1). Votre commande est payée : veuillez présenter le code de commande au personnel.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in as %1 · %2 · device %3</source>
        <translation>Connecté en tant que %1 · %2 · appareil %3</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>No staff PIN is set. Set one with: marquee --set-kiosk-pin</source>
        <translation>Aucun code PIN du personnel n’est défini. Définissez-en un avec : marquee --set-kiosk-pin</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Too many wrong PINs: try again in %n second(s).</source>
        <translation>
            <numerusform>Code PIN erroné. Trop de codes PIN erronés : réessayez dans %n seconde.</numerusform>
            <numerusform>Code PIN erroné. Trop de codes PIN erronés : réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Code PIN erroné.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>Un code PIN comporte 4 à 12 chiffres.</translation>
    </message>
    <message>
        <source>The two PINs differ. Enter the new PIN again.</source>
        <translation>Les deux codes PIN ne correspondent pas. Saisissez à nouveau le nouveau code PIN.</translation>
    </message>
    <message>
        <source>The PIN could not be saved (%1).</source>
        <translation>Le code PIN n’a pas pu être enregistré (%1).</translation>
    </message>
    <message>
        <source>The staff PIN was changed.</source>
        <translation>Le code PIN du personnel a été modifié.</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1.</source>
        <translation>Les paramètres n’ont pas pu être enregistrés dans %1.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Your tickets are delayed</source>
        <translation>Vos billets sont retardés</translation>
    </message>
    <message>
        <source>Your order %1 is paid, but its tickets have not arrived yet. Please show this code to staff: they will print your tickets.</source>
        <translation>Votre commande %1 est payée, mais ses billets ne sont pas encore arrivés. Veuillez présenter ce code au personnel, qui imprimera vos billets.</translation>
    </message>
    <message>
        <source>Holding your standing places…</source>
        <translation>Réservation de vos places debout…</translation>
    </message>
    <message>
        <source>Standing, %1</source>
        <translation>Debout, %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::LeasePage</name>
    <message>
        <source>Seats for offline sale</source>
        <translation>Places pour la vente hors ligne</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Événement précédent</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Événement suivant</translation>
    </message>
    <message>
        <source>Lease seats (best seats of each category):</source>
        <translation>Prendre des places en contingent (les meilleures de chaque catégorie) :</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Contingent</translation>
    </message>
    <message>
        <source>Offline sales the server rejected (check them with the buyer):</source>
        <translation>Ventes hors ligne refusées par le serveur (à vérifier avec l’acheteur) :</translation>
    </message>
    <message>
        <source>◀ Staff menu</source>
        <translation>◀ Menu du personnel</translation>
    </message>
    <message>
        <source>Refresh from the server</source>
        <translation>Actualiser depuis le serveur</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) returned to general sale.</source>
        <translation>
            <numerusform>%n place remise en vente libre.</numerusform>
            <numerusform>%n places remises en vente libre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leases updated from the server.</source>
        <translation>Contingents actualisés depuis le serveur.</translation>
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
        <translation>Une place de moins en %1</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>One seat more of %1</source>
        <translation>Une place de plus en %1</translation>
    </message>
    <message>
        <source>+10</source>
        <translation>+10</translation>
    </message>
    <message>
        <source>Ten seats more of %1</source>
        <translation>Dix places de plus en %1</translation>
    </message>
    <message>
        <source>Leasing… the seats are taken out of general sale.</source>
        <translation>Contingent en cours… les places sont retirées de la vente libre.</translation>
    </message>
    <message>
        <source>Online: leased seats are taken out of general sale, so this kiosk can sell them while the network is down.</source>
        <translation>En ligne : les places du contingent sont retirées de la vente libre, pour que ce kiosque puisse les vendre pendant une panne du réseau.</translation>
    </message>
    <message>
        <source>Offline: leasing and returning need the connection. This kiosk keeps selling from the seats it holds.</source>
        <translation>Hors ligne : prendre ou rendre un contingent nécessite la connexion. Ce kiosque continue de vendre les places qu’il détient.</translation>
    </message>
    <message numerus="yes">
        <source>%n offline sale(s) not yet uploaded to the server.</source>
        <translation>
            <numerusform>%n vente hors ligne pas encore transmise au serveur.</numerusform>
            <numerusform>%n ventes hors ligne pas encore transmises au serveur.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every offline sale is uploaded.</source>
        <translation>Toutes les ventes hors ligne sont transmises.</translation>
    </message>
    <message>
        <source>No upcoming event with a seat map to lease for.</source>
        <translation>Aucun événement à venir avec un plan de salle pour un contingent.</translation>
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
            <numerusform>Prendre %n place en contingent</numerusform>
            <numerusform>Prendre %n places en contingent</numerusform>
        </translation>
    </message>
    <message>
        <source>Leased until %1</source>
        <translation>Contingent jusqu’à %1</translation>
    </message>
    <message>
        <source>Expired %1: the server returns its unsold seats</source>
        <translation>Expiré le %1 : le serveur remet ses places invendues en vente</translation>
    </message>
    <message>
        <source>Returned: its unsold seats are back in general sale</source>
        <translation>Rendu : ses places invendues sont de nouveau en vente libre</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) leased</source>
        <translation>
            <numerusform>%n place en contingent</numerusform>
            <numerusform>%n places en contingent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to sell here</source>
        <translation>
            <numerusform>%n à vendre ici</numerusform>
            <numerusform>%n à vendre ici</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sold offline, not yet uploaded</source>
        <translation>
            <numerusform>%n vendue hors ligne, pas encore transmise</numerusform>
            <numerusform>%n vendues hors ligne, pas encore transmises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sold and confirmed</source>
        <translation>
            <numerusform>%n vendue et confirmée</numerusform>
            <numerusform>%n vendues et confirmées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n returned</source>
        <translation>
            <numerusform>%n rendue</numerusform>
            <numerusform>%n rendues</numerusform>
        </translation>
    </message>
    <message>
        <source>Lease %1 · %2</source>
        <translation>Contingent %1 · %2</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message numerus="yes">
        <source>Return the %n unsold seat(s)</source>
        <translation>
            <numerusform>Rendre la place invendue</numerusform>
            <numerusform>Rendre les %n places invendues</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to return</source>
        <translation>Rien à rendre</translation>
    </message>
    <message>
        <source>Returning the unsold seats…</source>
        <translation>Restitution des places invendues…</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>To sell here: %1</source>
        <translation>À vendre ici : %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::OnScreenKeypad</name>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ Effacer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
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
        <translation>Effacer le dernier caractère</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::ProcessingScreen</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Cancel and release the seats</source>
        <translation>Annuler et libérer les places</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::SeatsScreen</name>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
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
        <source>How many tickets?</source>
        <translation>Combien de billets ?</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>One ticket fewer</source>
        <translation>Un billet de moins</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>One ticket more</source>
        <translation>Un billet de plus</translation>
    </message>
    <message>
        <source>Or tap seats on the map, then:</source>
        <translation>Ou touchez des places sur le plan, puis :</translation>
    </message>
    <message>
        <source>◀ Back to events</source>
        <translation>◀ Retour aux événements</translation>
    </message>
    <message>
        <source>Best available (%1)</source>
        <translation>Meilleures places (%1)</translation>
    </message>
    <message>
        <source>Book the seats I tapped</source>
        <translation>Réserver les places choisies</translation>
    </message>
    <message numerus="yes">
        <source>Book %n tapped seat(s)</source>
        <translation>
            <numerusform>Réserver %n place choisie</numerusform>
            <numerusform>Réserver %n places choisies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s), %1</source>
        <translation>
            <numerusform>%n place debout, %1</numerusform>
            <numerusform>%n places debout, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::StaffScreen</name>
    <message>
        <source>Staff PIN</source>
        <translation>Code PIN du personnel</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>Staff menu</source>
        <translation>Menu du personnel</translation>
    </message>
    <message>
        <source>Back to the start after:</source>
        <translation>Retour à l’accueil après :</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Shorter idle timeout</source>
        <translation>Délai d’inactivité plus court</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Longer idle timeout</source>
        <translation>Délai d’inactivité plus long</translation>
    </message>
    <message>
        <source>Cash payments:</source>
        <translation>Paiement en espèces :</translation>
    </message>
    <message>
        <source>Card terminal:</source>
        <translation>Terminal de paiement :</translation>
    </message>
    <message>
        <source>Print to:</source>
        <translation>Imprimer vers :</translation>
    </message>
    <message>
        <source>Ticket paper:</source>
        <translation>Papier des billets :</translation>
    </message>
    <message>
        <source>◀ Back to the kiosk</source>
        <translation>◀ Retour à la borne</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Modifier le code PIN</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode borne</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>New staff PIN (4 to 12 digits)</source>
        <translation>Nouveau code PIN du personnel (4 à 12 chiffres)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>The new PIN again</source>
        <translation>Confirmez le nouveau code PIN</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Définir le code PIN</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) without a touch</source>
        <translation>
            <numerusform>%n seconde sans toucher l’écran</numerusform>
            <numerusform>%n secondes sans toucher l’écran</numerusform>
        </translation>
    </message>
    <message>
        <source>On: staff take cash at this kiosk</source>
        <translation>Activé : le personnel encaisse les espèces sur cette borne</translation>
    </message>
    <message>
        <source>Off: card only</source>
        <translation>Désactivé : carte uniquement</translation>
    </message>
    <message>
        <source>None offered by the server</source>
        <translation>Aucun proposé par le serveur</translation>
    </message>
    <message>
        <source>First available</source>
        <translation>Premier disponible</translation>
    </message>
    <message>
        <source>PDF files in %1</source>
        <translation>Fichiers PDF dans %1</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Imprimante %1</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>Rouleau de 80 mm</translation>
    </message>
    <message>
        <source>A6 ticket stock</source>
        <translation>Billets cartonnés A6</translation>
    </message>
    <message>
        <source>Offline sales:</source>
        <translation>Ventes hors ligne :</translation>
    </message>
    <message>
        <source>Seats leased to this kiosk…</source>
        <translation>Places en contingent de ce kiosque…</translation>
    </message>
</context>
<context>
    <name>marquee::client::kiosk::SummaryScreen</name>
    <message>
        <source>E-mail me the tickets too (optional)</source>
        <translation>M’envoyer aussi les billets par e-mail (facultatif)</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <source>How would you like to pay?</source>
        <translation>Comment souhaitez-vous payer ?</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>Payer par carte</translation>
    </message>
    <message>
        <source>Pay cash (staff)</source>
        <translation>Payer en espèces (auprès du personnel)</translation>
    </message>
    <message>
        <source>Cancel and release the seats</source>
        <translation>Annuler et libérer les places</translation>
    </message>
    <message>
        <source>Your seats are held for %1</source>
        <translation>Vos places sont réservées pendant %1</translation>
    </message>
</context>
<context>
    <name>marquee::client::tickets::TicketWidget</name>
    <message>
        <source>Ticket</source>
        <translation>Billet</translation>
    </message>
    <message>
        <source>Void ticket for %1, %2</source>
        <translation>Billet annulé pour %1, %2</translation>
    </message>
    <message>
        <source>Ticket for %1, %2, %3</source>
        <translation>Billet pour %1, %2, %3</translation>
    </message>
    <message>
        <source>No ticket selected</source>
        <translation>Aucun billet sélectionné</translation>
    </message>
</context>
</TS>
