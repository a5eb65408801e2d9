#include "ui/widgets/decoder_combo.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/payload_format.h"

#include <QComboBox>

namespace mqttdesk {

QList<const PayloadDecoder *> DecoderCombo::decoders(Offer offer)
{
    QList<const PayloadDecoder *> offered;
    for (const PayloadDecoder *decoder : DecoderRegistry::instance().decoders()) {
        if (offer == Offer::All || payloadFormatFromKey(decoder->id()))
            offered.append(decoder);
    }
    return offered;
}

void DecoderCombo::fill(QComboBox *box, Offer offer)
{
    box->clear();
    for (const PayloadDecoder *decoder : decoders(offer))
        box->addItem(decoder->name(), decoder->id());
}

void DecoderCombo::retranslate(QComboBox *box)
{
    const QList<const PayloadDecoder *> all = decoders(Offer::All);
    for (int i = 0; i < box->count(); ++i) {
        const QString id = box->itemData(i).toString();
        for (const PayloadDecoder *decoder : all) {
            if (decoder->id() == id)
                box->setItemText(i, decoder->name());
        }
    }
}

QString DecoderCombo::currentId(const QComboBox *box)
{
    return box->currentData().toString();
}

bool DecoderCombo::select(QComboBox *box, QStringView id)
{
    const int index = box->findData(id.toString());
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    return true;
}

} // namespace mqttdesk
