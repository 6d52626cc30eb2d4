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
