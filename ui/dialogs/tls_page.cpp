#include "ui/dialogs/tls_page.h"

#include "core/profile/certificate_inspector.h"
#include "ui/theme/theme.h"
#include "ui/widgets/ca_file_list.h"
#include "ui/widgets/certificate_text.h"
#include "ui/widgets/file_field.h"
#include "ui/widgets/password_field.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>

namespace mqttdesk {

namespace {

FileField::State stateOf(const TlsFileReport &report)
{
    switch (report.status) {
    case TlsFileReport::Status::Ok:
        return FileField::State::Ok;
    case TlsFileReport::Status::Warning:
        return FileField::State::Warning;
    case TlsFileReport::Status::Error:
        return FileField::State::Error;
    }
    return FileField::State::Error;
}

QString describeAll(const TlsFileReport &report)
{
    QStringList lines;
    if (!report.problem.isEmpty())
        lines << report.problem;
    for (const CertificateDetails &summary : report.certificates)
        lines << CertificateText::describe(summary);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

TlsPage::TlsPage(QWidget *parent)
    : ProfilePage(parent)
    , m_notice(new QLabel(this))
    , m_systemCa(new QCheckBox(this))
    , m_caFiles(new CaFileList(this))
    , m_certificate(new FileField(this))
    , m_key(new FileField(this))
    , m_keyPassphrase(new PasswordField(this))
    , m_pkcs12(new FileField(this))
    , m_pkcs12Password(new PasswordField(this))
    , m_minimumVersion(new QComboBox(this))
    , m_peerName(new QLineEdit(this))
    , m_alpn(new QLineEdit(this))
    , m_verifyPeer(new QCheckBox(this))
    , m_insecure(new QLabel(this))
    , m_keyMatch(new QLabel(this))
    , m_writeKeyLog(new QCheckBox(this))
    , m_keyLogFile(new FileField(this))
    , m_keyLogWarning(new QLabel(this))
{
    m_systemCa->setObjectName(QStringLiteral("tls.useSystemCa"));
    m_caFiles->setObjectName(QStringLiteral("tls.caFiles"));
    m_certificate->setObjectName(QStringLiteral("tls.clientCertificate"));
    m_key->setObjectName(QStringLiteral("tls.clientKey"));
    m_keyPassphrase->setObjectName(QStringLiteral("tls.keyPassphrase"));
    m_pkcs12->setObjectName(QStringLiteral("tls.pkcs12"));
    m_pkcs12Password->setObjectName(QStringLiteral("tls.pkcs12Password"));
    m_minimumVersion->setObjectName(QStringLiteral("tls.minimumVersion"));
    m_peerName->setObjectName(QStringLiteral("tls.peerName"));
    m_alpn->setObjectName(QStringLiteral("tls.alpn"));
    m_verifyPeer->setObjectName(QStringLiteral("tls.verifyPeer"));
    m_insecure->setObjectName(QStringLiteral("tls.insecure"));
    m_keyMatch->setObjectName(QStringLiteral("tls.keyMatch"));
    m_writeKeyLog->setObjectName(QStringLiteral("tls.writeKeyLog"));
    m_keyLogFile->setObjectName(QStringLiteral("tls.keyLogFile"));
    m_keyLogWarning->setObjectName(QStringLiteral("tls.keyLogWarning"));

    m_texts.add([this] {
        m_notice->setText(tr("TLS applies to mqtts:// and wss:// only; choose one of them on the "
                             "General tab to use these settings."));
        m_systemCa->setText(tr("Trust the &system CA certificates"));
        m_verifyPeer->setText(tr("&Verify the server certificate"));
        m_insecure->setText(tr("Insecure: the server is not verified, so anyone can pretend to "
                               "be this broker."));
        m_certificate->setNameFilter(tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        m_writeKeyLog->setText(tr("Write TLS session keys to a key log &file (for Wireshark)"));
        m_keyLogWarning->setText(tr("Anyone with this file can decrypt the traffic of this "
                                    "connection. Turn it off when the capture is done. Not "
                                    "available for wss://."));
        m_keyLogFile->setNameFilter(tr("Key log files (*.log *.txt);;All files (*)"));
        m_keyLogFile->setDialogTitle(tr("Choose the TLS key log file"));
        m_keyLogFile->setPlaceholderText(tr("the file the keys are appended to"));
    });
    m_notice->setWordWrap(true);
    Theme::setTextRole(m_notice, Theme::Text::Muted);
    m_minimumVersion->addItem(QStringLiteral("TLS 1.2"), int(TlsMinimumVersion::Tls12));
    m_minimumVersion->addItem(QStringLiteral("TLS 1.3"), int(TlsMinimumVersion::Tls13));
    m_minimumVersion->addItem(QStringLiteral("TLS 1.1"), int(TlsMinimumVersion::Tls11));
    m_minimumVersion->addItem(QStringLiteral("TLS 1.0"), int(TlsMinimumVersion::Tls10));
    m_texts.add([this] { m_certificate->setDialogTitle(tr("Choose the client certificate")); });
    m_texts.add([this] { m_certificate->setPlaceholderText(tr("PEM or DER; drop a file here")); });
    m_texts.add(
        [this] { m_key->setNameFilter(tr("Private keys (*.key *.pem *.der);;All files (*)")); });
    m_texts.add([this] { m_key->setDialogTitle(tr("Choose the private key")); });
    m_texts.add([this] { m_key->setPlaceholderText(tr("PEM or DER; drop a file here")); });
    m_texts.add(
        [this] { m_pkcs12->setNameFilter(tr("PKCS#12 bundles (*.p12 *.pfx);;All files (*)")); });
    m_texts.add([this] { m_pkcs12->setDialogTitle(tr("Choose a PKCS#12 bundle")); });
    m_texts.add([this] { m_pkcs12->setPlaceholderText(tr("instead of certificate and key")); });
    m_texts.add([this] { m_keyPassphrase->setPlaceholderText(tr("only for an encrypted key")); });
    m_texts.add([this] { m_peerName->setPlaceholderText(tr("the host name")); });
    m_texts.add([this] { m_alpn->setPlaceholderText(tr("comma separated, e.g. mqtt")); });
    m_insecure->setWordWrap(true);
    Theme::setTextRole(m_insecure, Theme::Text::Error);
    QFont insecureFont = m_insecure->font();
    insecureFont.setBold(true);
    m_insecure->setFont(insecureFont);
    m_keyMatch->setWordWrap(true);
    Theme::setTextRole(m_keyMatch, Theme::Text::Warning);
    m_keyMatch->setVisible(false);
    m_keyLogFile->setSaveMode(true);
    m_keyLogWarning->setWordWrap(true);
    Theme::setTextRole(m_keyLogWarning, Theme::Text::Warning);

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_notice);
    form->addRow(QString(), m_systemCa);
    addRow(
        form, [] { return tr("C&A files:"); }, m_caFiles, m_caFiles->list());
    addRow(
        form, [] { return tr("Client &certificate:"); }, m_certificate, m_certificate->lineEdit());
    addRow(
        form, [] { return tr("Private &key:"); }, m_key, m_key->lineEdit());
    addRow(
        form, [] { return tr("Key pass&phrase:"); }, m_keyPassphrase, m_keyPassphrase->lineEdit());
    form->addRow(QString(), m_keyMatch);
    addRow(
        form, [] { return tr("PKCS#&12 bundle:"); }, m_pkcs12, m_pkcs12->lineEdit());
    addRow(
        form, [] { return tr("PKCS#12 pass&word:"); }, m_pkcs12Password,
        m_pkcs12Password->lineEdit());
    addRow(
        form, [] { return tr("&Minimum TLS version:"); }, m_minimumVersion);
    addRow(
        form, [] { return tr("Server &name (SNI):"); }, m_peerName);
    addRow(
        form, [] { return tr("A&LPN protocols:"); }, m_alpn);
    form->addRow(QString(), m_verifyPeer);
    form->addRow(QString(), m_insecure);
    form->addRow(QString(), m_writeKeyLog);
    addRow(
        form, [] { return tr("Key lo&g file:"); }, m_keyLogFile, m_keyLogFile->lineEdit());
    form->addRow(QString(), m_keyLogWarning);

    chainTabOrder({m_systemCa,
                   m_caFiles->list(),
                   m_caFiles->addButton(),
                   m_caFiles->removeButton(),
                   m_certificate->lineEdit(),
                   m_certificate->browseButton(),
                   m_key->lineEdit(),
                   m_key->browseButton(),
                   m_keyPassphrase->lineEdit(),
                   m_keyPassphrase->toggleButton(),
                   m_pkcs12->lineEdit(),
                   m_pkcs12->browseButton(),
                   m_pkcs12Password->lineEdit(),
                   m_pkcs12Password->toggleButton(),
                   m_minimumVersion,
                   m_peerName,
                   m_alpn,
                   m_verifyPeer,
                   m_writeKeyLog,
                   m_keyLogFile->lineEdit(),
                   m_keyLogFile->browseButton()});

    connect(m_certificate, &FileField::pathChosen, this, [this] {
        checkCertificate();
        checkKeyMatch();
        Q_EMIT changed();
    });
    connect(m_key, &FileField::pathChosen, this, [this] {
        checkKey();
        checkKeyMatch();
        Q_EMIT changed();
    });
    connect(m_keyPassphrase, &PasswordField::textChanged, this, [this] {
        m_passphraseStored = false;
        checkKey();
        checkKeyMatch();
        Q_EMIT changed();
    });
    connect(m_pkcs12, &FileField::pathChosen, this, [this] {
        checkPkcs12();
        Q_EMIT changed();
    });
    connect(m_pkcs12Password, &PasswordField::textChanged, this, [this] {
        m_pkcs12PasswordStored = false;
        checkPkcs12();
        Q_EMIT changed();
    });
    connect(m_caFiles, &CaFileList::changed, this, &ProfilePage::changed);
    connect(m_systemCa, &QCheckBox::toggled, this, &ProfilePage::changed);
    connect(m_minimumVersion, &QComboBox::currentIndexChanged, this, &ProfilePage::changed);
    connect(m_peerName, &QLineEdit::textChanged, this, &ProfilePage::changed);
    connect(m_alpn, &QLineEdit::textChanged, this, &ProfilePage::changed);
    connect(m_verifyPeer, &QCheckBox::toggled, this, [this] {
        updateInsecure();
        Q_EMIT changed();
    });
    connect(m_writeKeyLog, &QCheckBox::toggled, this, [this] {
        updateKeyLog();
        Q_EMIT changed();
    });
    connect(m_keyLogFile, &FileField::pathChosen, this, &ProfilePage::changed);
    updateInsecure();
    updateKeyLog();
}

void TlsPage::schemeChanged(TransportScheme scheme)
{
    const bool tls = scheme == TransportScheme::Mqtts || scheme == TransportScheme::Wss;
    m_notice->setVisible(!tls);
    for (QWidget *widget : findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (widget != m_notice)
            widget->setEnabled(tls);
    }
    updateKeyLog();
}

void TlsPage::checkCertificate()
{
    if (m_certificate->path().isEmpty()) {
        m_certificate->setReport(FileField::State::Empty, {});
        return;
    }
    const TlsFileReport report = CertificateInspector::inspectCertificates(m_certificate->path());
    m_certificate->setReport(stateOf(report), describeAll(report));
}

void TlsPage::checkKey()
{
    if (m_key->path().isEmpty()) {
        m_key->setReport(FileField::State::Empty, {});
        return;
    }
    if (m_passphraseStored) {
        // The passphrase is in the keychain and not loaded: only check the file.
        m_key->setReport(FileField::State::Ok, tr("Private key (the passphrase is in the "
                                                  "keychain)"));
        return;
    }
    const TlsFileReport report =
        CertificateInspector::inspectKey(m_key->path(), m_keyPassphrase->text());
    m_key->setReport(stateOf(report),
                     report.isError()
                         ? report.problem
                         : tr("Private key (%1)")
                               .arg(report.key.algorithm() == QSsl::Ec    ? QStringLiteral("EC")
                                    : report.key.algorithm() == QSsl::Rsa ? QStringLiteral("RSA")
                                                                          : tr("other")));
}

void TlsPage::checkPkcs12()
{
    if (m_pkcs12->path().isEmpty()) {
        m_pkcs12->setReport(FileField::State::Empty, {});
        return;
    }
    if (m_pkcs12PasswordStored) {
        m_pkcs12->setReport(FileField::State::Ok, tr("PKCS#12 bundle (the password is in the "
                                                     "keychain)"));
        return;
    }
    const TlsFileReport report =
        CertificateInspector::inspectPkcs12(m_pkcs12->path(), m_pkcs12Password->text());
    m_pkcs12->setReport(stateOf(report), describeAll(report));
}

void TlsPage::checkKeyMatch()
{
    m_keyMatch->clear();
    m_keyMatch->setVisible(false);
    if (m_certificate->path().isEmpty() || m_key->path().isEmpty() || m_passphraseStored)
        return;
    const TlsFileReport certificate =
        CertificateInspector::inspectCertificates(m_certificate->path());
    const TlsFileReport key =
        CertificateInspector::inspectKey(m_key->path(), m_keyPassphrase->text());
    if (certificate.loadedCertificates.isEmpty() || key.key.isNull())
        return;
    if (const auto warning =
            CertificateInspector::checkKeyMatch(certificate.loadedCertificates.first(), key.key)) {
        m_keyMatch->setText(*warning);
        m_keyMatch->setVisible(true);
    }
}

QString TlsPage::keyMatchWarning() const
{
    return m_keyMatch->text();
}

void TlsPage::updateInsecure()
{
    m_insecure->setVisible(!m_verifyPeer->isChecked());
}

void TlsPage::updateKeyLog()
{
    const bool on = m_writeKeyLog->isChecked();
    m_keyLogFile->setEnabled(on && m_writeKeyLog->isEnabled());
    m_keyLogWarning->setVisible(on);
}

void TlsPage::load(const ConnectionProfile &p)
{
    const ProfileTlsOptions &t = p.tls;
    m_systemCa->setChecked(t.useSystemCa);
    m_caFiles->setFiles(t.caFiles);
    m_passphraseStored = t.keyPassphrase.isSet && t.keyPassphrase.value.isEmpty();
    m_pkcs12PasswordStored = t.pkcs12Password.isSet && t.pkcs12Password.value.isEmpty();
    {
        const QSignalBlocker a(m_keyPassphrase);
        const QSignalBlocker b(m_pkcs12Password);
        m_keyPassphrase->setText(t.keyPassphrase.value);
        m_pkcs12Password->setText(t.pkcs12Password.value);
    }
    if (m_passphraseStored)
        m_texts.add([this] {
            m_keyPassphrase->setPlaceholderText(tr("saved in the keychain; type to replace"));
        });
    if (m_pkcs12PasswordStored)
        m_texts.add([this] {
            m_pkcs12Password->setPlaceholderText(tr("saved in the keychain; type to replace"));
        });
    m_certificate->setPath(t.clientCertificatePath);
    m_key->setPath(t.clientKeyPath);
    m_pkcs12->setPath(t.pkcs12Path);
    checkCertificate();
    checkKey();
    checkPkcs12();
    checkKeyMatch();
    m_minimumVersion->setCurrentIndex(m_minimumVersion->findData(int(t.minimumVersion)));
    m_peerName->setText(t.peerName);
    m_alpn->setText(t.alpn.join(QStringLiteral(", ")));
    m_verifyPeer->setChecked(t.verifyPeer);
    updateInsecure();
    m_writeKeyLog->setChecked(t.writeKeyLog);
    m_keyLogFile->setPath(t.keyLogFile);
    updateKeyLog();
    schemeChanged(p.scheme);
}

void TlsPage::store(ConnectionProfile &p) const
{
    ProfileTlsOptions &t = p.tls;
    t.useSystemCa = m_systemCa->isChecked();
    t.caFiles = m_caFiles->files();
    t.clientCertificatePath = m_certificate->path();
    t.clientKeyPath = m_key->path();
    const auto secret = [](const PasswordField *field, bool stored, Secret &target) {
        if (!field->text().isEmpty())
            target = Secret{true, field->text()};
        else if (!stored)
            target = Secret{};
    };
    secret(m_keyPassphrase, m_passphraseStored, t.keyPassphrase);
    t.pkcs12Path = m_pkcs12->path();
    secret(m_pkcs12Password, m_pkcs12PasswordStored, t.pkcs12Password);
    t.minimumVersion = TlsMinimumVersion(m_minimumVersion->currentData().toInt());
    t.peerName = m_peerName->text().trimmed();
    t.alpn.clear();
    for (const QString &item : m_alpn->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            t.alpn << item.trimmed();
    }
    t.verifyPeer = m_verifyPeer->isChecked();
    t.writeKeyLog = m_writeKeyLog->isChecked();
    t.keyLogFile = m_keyLogFile->path();
}

ProfileProblems TlsPage::problems() const
{
    ProfileProblems result;
    if (!m_systemCa->isEnabled())
        return result; // not a TLS scheme: nothing here is used
    if (const QString problem = m_caFiles->firstError(); !problem.isEmpty())
        result << error(QStringLiteral("tls.caFiles"), problem);
    const auto fileProblem = [&](const FileField *field, const QString &name) {
        if (field->state() == FileField::State::Error)
            result << error(name, field->reportText().section(QLatin1Char('\n'), 0, 0));
    };
    fileProblem(m_certificate, QStringLiteral("tls.clientCertificate"));
    fileProblem(m_key, QStringLiteral("tls.clientKey"));
    fileProblem(m_pkcs12, QStringLiteral("tls.pkcs12"));
    return result;
}

} // namespace mqttdesk
