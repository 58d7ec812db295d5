package org.tearsheet.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.netpreserve.jwarc.WarcRecord;
import org.tearsheet.fetch.HttpExchange;
import org.tearsheet.fetch.RobotsPolicy;
import org.tearsheet.record.EncodedRecord;
import org.tearsheet.record.ExchangeRecords;
import org.tearsheet.record.RotatingWarcWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives each robots.txt fetch as request/response pairs, like any other exchange: the rules a capture obeyed are
 * then part of the record, as served at the time. A failure to write is logged and does not stop the capture.
 */
final class RobotsArchiver implements RobotsPolicy.Recorder {

    private static final Logger LOG = LoggerFactory.getLogger(RobotsArchiver.class);

    private final ExchangeRecords records;
    private final RotatingWarcWriter writer;

    RobotsArchiver(ExchangeRecords records, RotatingWarcWriter writer) {
        this.records = records;
        this.writer = writer;
    }

    @Override
    public void record(List<HttpExchange> hops) {
        List<EncodedRecord> encoded = new ArrayList<>();
        try {
            for (HttpExchange hop : hops) {
                WarcRecord response = records.response(hop);
                encoded.add(writer.encode(records.request(hop, response.id())));
                encoded.add(writer.encode(response, ExchangeRecords.precompressed(hop)));
            }
        } catch (IOException | RuntimeException e) {
            encoded.forEach(EncodedRecord::close);
            LOG.error("cannot encode the robots.txt records for {}", hops.get(0).url(), e);
            return;
        }
        try {
            writer.append(encoded, placement -> { }); // closes the encoded records, whatever happens
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot write the robots.txt records for {}", hops.get(0).url(), e);
        }
    }
}
