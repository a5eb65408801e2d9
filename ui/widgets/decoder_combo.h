#pragma once

#include <QList>
#include <QString>
#include <QStringView>

class QComboBox;

namespace mqttdesk {

class PayloadDecoder;

// Offers the decoders of DecoderRegistry::instance() in its order, by their translated
// names, so that every format chooser of the UI shows the registry's one list. A combo box
// item's data is the decoder id.
class DecoderCombo
{
public:
    enum class Offer
    {
        All,
        // Only the decoders a PayloadFormat can name, for the choosers whose choice is still
        // stored as the enum (subscriptions, the stream's "Display as").
        PayloadFormats,
    };

    static QList<const PayloadDecoder *> decoders(Offer offer = Offer::All);
    // Replaces the items of `box` with one per decoder.
    static void fill(QComboBox *box, Offer offer = Offer::All);
    // The id of the chosen decoder; empty when nothing is chosen.
    static QString currentId(const QComboBox *box);
    // After a language change: each item's text in the new language, the choice kept.
    static void retranslate(QComboBox *box);
    // Chooses the decoder of that id; false (and the choice unchanged) when it is not listed.
    static bool select(QComboBox *box, QStringView id);
};

} // namespace mqttdesk
