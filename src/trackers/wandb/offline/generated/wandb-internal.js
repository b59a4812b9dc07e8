/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["trainscope_wandb"] || ($protobuf.roots["trainscope_wandb"] = {});

export const wandb_internal = $root.wandb_internal = (() => {

    /**
     * Namespace wandb_internal.
     * @exports wandb_internal
     * @namespace
     */
    const wandb_internal = {};

    wandb_internal.Record = (function() {

        /**
         * Properties of a Record.
         * @typedef {Object} wandb_internal.Record.$Properties
         * @property {number|Long|null} [num] Record num
         * @property {wandb_internal.HistoryRecord.$Properties|null} [history] Record history
         * @property {wandb_internal.SummaryRecord.$Properties|null} [summary] Record summary
         * @property {wandb_internal.OutputRecord.$Properties|null} [output] Record output
         * @property {wandb_internal.ConfigRecord.$Properties|null} [config] Record config
         * @property {wandb_internal.FilesRecord.$Properties|null} [files] Record files
         * @property {wandb_internal.StatsRecord.$Properties|null} [stats] Record stats
         * @property {Uint8Array|null} [artifact] Record artifact
         * @property {Uint8Array|null} [telemetry] Record telemetry
         * @property {Uint8Array|null} [metric] Record metric
         * @property {wandb_internal.OutputRawRecord.$Properties|null} [output_raw] Record output_raw
         * @property {wandb_internal.RunRecord.$Properties|null} [run] Record run
         * @property {wandb_internal.RunExitRecord.$Properties|null} [exit] Record exit
         * @property {wandb_internal.FinalRecord.$Properties|null} [final] Record final
         * @property {wandb_internal.HeaderRecord.$Properties|null} [header] Record header
         * @property {wandb_internal.FooterRecord.$Properties|null} [footer] Record footer
         * @property {wandb_internal.RunPreemptingRecord.$Properties|null} [preempting] Record preempting
         * @property {wandb_internal.Control.$Properties|null} [control] Record control
         * @property {string|null} [uuid] Record uuid
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] Record _info
         * @property {"history"|"summary"|"output"|"config"|"files"|"stats"|"artifact"|"telemetry"|"metric"|"output_raw"|"run"|"exit"|"final"|"header"|"footer"|"preempting"} [record_type] Record record_type
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Record.
         * @memberof wandb_internal
         * @interface IRecord
         * @augments wandb_internal.Record.$Properties
         * @deprecated Use wandb_internal.Record.$Properties instead.
         */

        /**
         * Narrowed shape of a Record.
         * @typedef {{
         *   num?: number|Long|null;
         *   history?: wandb_internal.HistoryRecord.$Shape|null;
         *   summary?: wandb_internal.SummaryRecord.$Shape|null;
         *   output?: wandb_internal.OutputRecord.$Shape|null;
         *   config?: wandb_internal.ConfigRecord.$Shape|null;
         *   files?: wandb_internal.FilesRecord.$Shape|null;
         *   stats?: wandb_internal.StatsRecord.$Shape|null;
         *   artifact?: Uint8Array|null;
         *   telemetry?: Uint8Array|null;
         *   metric?: Uint8Array|null;
         *   output_raw?: wandb_internal.OutputRawRecord.$Shape|null;
         *   run?: wandb_internal.RunRecord.$Shape|null;
         *   exit?: wandb_internal.RunExitRecord.$Shape|null;
         *   final?: wandb_internal.FinalRecord.$Shape|null;
         *   header?: wandb_internal.HeaderRecord.$Shape|null;
         *   footer?: wandb_internal.FooterRecord.$Shape|null;
         *   preempting?: wandb_internal.RunPreemptingRecord.$Shape|null;
         *   control?: wandb_internal.Control.$Shape|null;
         *   uuid?: string|null;
         *   _info?: wandb_internal._RecordInfo.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ record_type?: undefined; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "history"; history: wandb_internal.HistoryRecord.$Shape; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "summary"; history?: null; summary: wandb_internal.SummaryRecord.$Shape; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "output"; history?: null; summary?: null; output: wandb_internal.OutputRecord.$Shape; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "config"; history?: null; summary?: null; output?: null; config: wandb_internal.ConfigRecord.$Shape; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "files"; history?: null; summary?: null; output?: null; config?: null; files: wandb_internal.FilesRecord.$Shape; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "stats"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats: wandb_internal.StatsRecord.$Shape; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "artifact"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact: Uint8Array; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "telemetry"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry: Uint8Array; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "metric"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric: Uint8Array; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "output_raw"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw: wandb_internal.OutputRawRecord.$Shape; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "run"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run: wandb_internal.RunRecord.$Shape; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "exit"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit: wandb_internal.RunExitRecord.$Shape; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "final"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final: wandb_internal.FinalRecord.$Shape; header?: null; footer?: null; preempting?: null }|{ record_type?: "header"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header: wandb_internal.HeaderRecord.$Shape; footer?: null; preempting?: null }|{ record_type?: "footer"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer: wandb_internal.FooterRecord.$Shape; preempting?: null }|{ record_type?: "preempting"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting: wandb_internal.RunPreemptingRecord.$Shape })
         * )} wandb_internal.Record.$Shape
         */

        /**
         * Constructs a new Record.
         * @memberof wandb_internal
         * @classdesc Represents a Record.
         * @constructor
         * @param {wandb_internal.Record.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Record = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Record num.
         * @member {number|Long} num
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.num = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Record history.
         * @member {wandb_internal.HistoryRecord.$Properties|null|undefined} history
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.history = null;

        /**
         * Record summary.
         * @member {wandb_internal.SummaryRecord.$Properties|null|undefined} summary
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.summary = null;

        /**
         * Record output.
         * @member {wandb_internal.OutputRecord.$Properties|null|undefined} output
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.output = null;

        /**
         * Record config.
         * @member {wandb_internal.ConfigRecord.$Properties|null|undefined} config
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.config = null;

        /**
         * Record files.
         * @member {wandb_internal.FilesRecord.$Properties|null|undefined} files
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.files = null;

        /**
         * Record stats.
         * @member {wandb_internal.StatsRecord.$Properties|null|undefined} stats
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.stats = null;

        /**
         * Record artifact.
         * @member {Uint8Array|null|undefined} artifact
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.artifact = null;

        /**
         * Record telemetry.
         * @member {Uint8Array|null|undefined} telemetry
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.telemetry = null;

        /**
         * Record metric.
         * @member {Uint8Array|null|undefined} metric
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.metric = null;

        /**
         * Record output_raw.
         * @member {wandb_internal.OutputRawRecord.$Properties|null|undefined} output_raw
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.output_raw = null;

        /**
         * Record run.
         * @member {wandb_internal.RunRecord.$Properties|null|undefined} run
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.run = null;

        /**
         * Record exit.
         * @member {wandb_internal.RunExitRecord.$Properties|null|undefined} exit
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.exit = null;

        /**
         * Record final.
         * @member {wandb_internal.FinalRecord.$Properties|null|undefined} final
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.final = null;

        /**
         * Record header.
         * @member {wandb_internal.HeaderRecord.$Properties|null|undefined} header
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.header = null;

        /**
         * Record footer.
         * @member {wandb_internal.FooterRecord.$Properties|null|undefined} footer
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.footer = null;

        /**
         * Record preempting.
         * @member {wandb_internal.RunPreemptingRecord.$Properties|null|undefined} preempting
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.preempting = null;

        /**
         * Record control.
         * @member {wandb_internal.Control.$Properties|null|undefined} control
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.control = null;

        /**
         * Record uuid.
         * @member {string} uuid
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype.uuid = "";

        /**
         * Record _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.Record
         * @instance
         */
        Record.prototype._info = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Record record_type.
         * @member {"history"|"summary"|"output"|"config"|"files"|"stats"|"artifact"|"telemetry"|"metric"|"output_raw"|"run"|"exit"|"final"|"header"|"footer"|"preempting"|undefined} record_type
         * @memberof wandb_internal.Record
         * @instance
         */
        $Object.defineProperty(Record.prototype, "record_type", {
            get: $util.oneOfGetter($oneOfFields = ["history", "summary", "output", "config", "files", "stats", "artifact", "telemetry", "metric", "output_raw", "run", "exit", "final", "header", "footer", "preempting"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Record instance using the specified properties.
         * @function create
         * @memberof wandb_internal.Record
         * @static
         * @param {wandb_internal.Record.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.Record} Record instance
         * @type {{
         *   (properties: wandb_internal.Record.$Shape): wandb_internal.Record & wandb_internal.Record.$Shape;
         *   (properties?: wandb_internal.Record.$Properties): wandb_internal.Record;
         * }}
         */
        Record.create = function(properties) {
            return new Record(properties);
        };

        /**
         * Encodes the specified Record message. Does not implicitly {@link wandb_internal.Record.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.Record
         * @static
         * @param {wandb_internal.Record.$Properties} message Record message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Record.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.num != null && $Object.hasOwnProperty.call(message, "num") && (typeof message.num === "object" ? message.num.low || message.num.high : message.num !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.num);
            if (message.history != null && $Object.hasOwnProperty.call(message, "history"))
                $root.wandb_internal.HistoryRecord.encode(message.history, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary"))
                $root.wandb_internal.SummaryRecord.encode(message.summary, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.output != null && $Object.hasOwnProperty.call(message, "output"))
                $root.wandb_internal.OutputRecord.encode(message.output, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                $root.wandb_internal.ConfigRecord.encode(message.config, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.files != null && $Object.hasOwnProperty.call(message, "files"))
                $root.wandb_internal.FilesRecord.encode(message.files, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.stats != null && $Object.hasOwnProperty.call(message, "stats"))
                $root.wandb_internal.StatsRecord.encode(message.stats, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.artifact != null && $Object.hasOwnProperty.call(message, "artifact"))
                writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.artifact);
            if (message.telemetry != null && $Object.hasOwnProperty.call(message, "telemetry"))
                writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.telemetry);
            if (message.metric != null && $Object.hasOwnProperty.call(message, "metric"))
                writer.uint32(/* id 12, wireType 2 =*/98).bytes(message.metric);
            if (message.output_raw != null && $Object.hasOwnProperty.call(message, "output_raw"))
                $root.wandb_internal.OutputRawRecord.encode(message.output_raw, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
            if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                $root.wandb_internal.Control.encode(message.control, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
            if (message.run != null && $Object.hasOwnProperty.call(message, "run"))
                $root.wandb_internal.RunRecord.encode(message.run, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
            if (message.exit != null && $Object.hasOwnProperty.call(message, "exit"))
                $root.wandb_internal.RunExitRecord.encode(message.exit, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
            if (message.uuid != null && $Object.hasOwnProperty.call(message, "uuid") && message.uuid !== "")
                writer.uint32(/* id 19, wireType 2 =*/154).string(message.uuid);
            if (message.final != null && $Object.hasOwnProperty.call(message, "final"))
                $root.wandb_internal.FinalRecord.encode(message.final, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.wandb_internal.HeaderRecord.encode(message.header, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
            if (message.footer != null && $Object.hasOwnProperty.call(message, "footer"))
                $root.wandb_internal.FooterRecord.encode(message.footer, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
            if (message.preempting != null && $Object.hasOwnProperty.call(message, "preempting"))
                $root.wandb_internal.RunPreemptingRecord.encode(message.preempting, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Record message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.Record
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.Record & wandb_internal.Record.$Shape} Record
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Record.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.Record();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.num = value;
                        else
                            delete message.num;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.history = $root.wandb_internal.HistoryRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.history);
                        message.record_type = "history";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.summary = $root.wandb_internal.SummaryRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.summary);
                        message.record_type = "summary";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.output = $root.wandb_internal.OutputRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.output);
                        message.record_type = "output";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.config = $root.wandb_internal.ConfigRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                        message.record_type = "config";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.files = $root.wandb_internal.FilesRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.files);
                        message.record_type = "files";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.stats = $root.wandb_internal.StatsRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.stats);
                        message.record_type = "stats";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.artifact = reader.bytes();
                        message.record_type = "artifact";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.telemetry = reader.bytes();
                        message.record_type = "telemetry";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.metric = reader.bytes();
                        message.record_type = "metric";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.output_raw = $root.wandb_internal.OutputRawRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.output_raw);
                        message.record_type = "output_raw";
                        continue;
                    }
                case 17: {
                        if (wireType !== 2)
                            break;
                        message.run = $root.wandb_internal.RunRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.run);
                        message.record_type = "run";
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        message.exit = $root.wandb_internal.RunExitRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.exit);
                        message.record_type = "exit";
                        continue;
                    }
                case 20: {
                        if (wireType !== 2)
                            break;
                        message.final = $root.wandb_internal.FinalRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.final);
                        message.record_type = "final";
                        continue;
                    }
                case 21: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.wandb_internal.HeaderRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        message.record_type = "header";
                        continue;
                    }
                case 22: {
                        if (wireType !== 2)
                            break;
                        message.footer = $root.wandb_internal.FooterRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.footer);
                        message.record_type = "footer";
                        continue;
                    }
                case 23: {
                        if (wireType !== 2)
                            break;
                        message.preempting = $root.wandb_internal.RunPreemptingRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.preempting);
                        message.record_type = "preempting";
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        message.control = $root.wandb_internal.Control.decode(reader, reader.size(), $undefined, _depth + 1, message.control);
                        continue;
                    }
                case 19: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.uuid = value;
                        else
                            delete message.uuid;
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Record message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.Record
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.Record} Record
         */
        Record.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.Record)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.Record: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.Record();
            if (object.num != null)
                if (typeof object.num === "object" ? object.num.low || object.num.high : $Number(object.num) !== 0)
                    if ($util.Long)
                        message.num = $util.Long.fromValue(object.num, false);
                    else if (typeof object.num === "string")
                        message.num = $parseInt(object.num, 10);
                    else if (typeof object.num === "number")
                        message.num = object.num;
                    else if (typeof object.num === "object")
                        message.num = new $util.LongBits(object.num.low >>> 0, object.num.high >>> 0).toNumber();
            if (object.history != null) {
                if (!$util.isObject(object.history))
                    throw $TypeError(".wandb_internal.Record.history: object expected");
                message.history = $root.wandb_internal.HistoryRecord.fromObject(object.history, _depth + 1);
            }
            if (object.summary != null) {
                if (!$util.isObject(object.summary))
                    throw $TypeError(".wandb_internal.Record.summary: object expected");
                message.summary = $root.wandb_internal.SummaryRecord.fromObject(object.summary, _depth + 1);
            }
            if (object.output != null) {
                if (!$util.isObject(object.output))
                    throw $TypeError(".wandb_internal.Record.output: object expected");
                message.output = $root.wandb_internal.OutputRecord.fromObject(object.output, _depth + 1);
            }
            if (object.config != null) {
                if (!$util.isObject(object.config))
                    throw $TypeError(".wandb_internal.Record.config: object expected");
                message.config = $root.wandb_internal.ConfigRecord.fromObject(object.config, _depth + 1);
            }
            if (object.files != null) {
                if (!$util.isObject(object.files))
                    throw $TypeError(".wandb_internal.Record.files: object expected");
                message.files = $root.wandb_internal.FilesRecord.fromObject(object.files, _depth + 1);
            }
            if (object.stats != null) {
                if (!$util.isObject(object.stats))
                    throw $TypeError(".wandb_internal.Record.stats: object expected");
                message.stats = $root.wandb_internal.StatsRecord.fromObject(object.stats, _depth + 1);
            }
            if (object.artifact != null)
                if (typeof object.artifact === "string")
                    $util.base64.decode(object.artifact, message.artifact = $util.newBuffer($util.base64.length(object.artifact)), 0);
                else if (object.artifact.length >= 0)
                    message.artifact = object.artifact;
            if (object.telemetry != null)
                if (typeof object.telemetry === "string")
                    $util.base64.decode(object.telemetry, message.telemetry = $util.newBuffer($util.base64.length(object.telemetry)), 0);
                else if (object.telemetry.length >= 0)
                    message.telemetry = object.telemetry;
            if (object.metric != null)
                if (typeof object.metric === "string")
                    $util.base64.decode(object.metric, message.metric = $util.newBuffer($util.base64.length(object.metric)), 0);
                else if (object.metric.length >= 0)
                    message.metric = object.metric;
            if (object.output_raw != null) {
                if (!$util.isObject(object.output_raw))
                    throw $TypeError(".wandb_internal.Record.output_raw: object expected");
                message.output_raw = $root.wandb_internal.OutputRawRecord.fromObject(object.output_raw, _depth + 1);
            }
            if (object.run != null) {
                if (!$util.isObject(object.run))
                    throw $TypeError(".wandb_internal.Record.run: object expected");
                message.run = $root.wandb_internal.RunRecord.fromObject(object.run, _depth + 1);
            }
            if (object.exit != null) {
                if (!$util.isObject(object.exit))
                    throw $TypeError(".wandb_internal.Record.exit: object expected");
                message.exit = $root.wandb_internal.RunExitRecord.fromObject(object.exit, _depth + 1);
            }
            if (object.final != null) {
                if (!$util.isObject(object.final))
                    throw $TypeError(".wandb_internal.Record.final: object expected");
                message.final = $root.wandb_internal.FinalRecord.fromObject(object.final, _depth + 1);
            }
            if (object.header != null) {
                if (!$util.isObject(object.header))
                    throw $TypeError(".wandb_internal.Record.header: object expected");
                message.header = $root.wandb_internal.HeaderRecord.fromObject(object.header, _depth + 1);
            }
            if (object.footer != null) {
                if (!$util.isObject(object.footer))
                    throw $TypeError(".wandb_internal.Record.footer: object expected");
                message.footer = $root.wandb_internal.FooterRecord.fromObject(object.footer, _depth + 1);
            }
            if (object.preempting != null) {
                if (!$util.isObject(object.preempting))
                    throw $TypeError(".wandb_internal.Record.preempting: object expected");
                message.preempting = $root.wandb_internal.RunPreemptingRecord.fromObject(object.preempting, _depth + 1);
            }
            if (object.control != null) {
                if (!$util.isObject(object.control))
                    throw $TypeError(".wandb_internal.Record.control: object expected");
                message.control = $root.wandb_internal.Control.fromObject(object.control, _depth + 1);
            }
            if (object.uuid != null)
                if (typeof object.uuid !== "string" || object.uuid.length)
                    message.uuid = $String(object.uuid);
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.Record._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a Record message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.Record
         * @static
         * @param {wandb_internal.Record} message Record
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Record.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if ($util.Long) {
                    let long = new $util.Long(0, 0, false);
                    object.num = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.num = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.control = null;
                object.uuid = "";
                object._info = null;
            }
            if (message.num != null && $Object.hasOwnProperty.call(message, "num"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.num = typeof message.num === "number" ? $BigInt(message.num) : $util.Long.fromBits(message.num.low >>> 0, message.num.high >>> 0, false).toBigInt();
                else if (typeof message.num === "number")
                    object.num = options.longs === $String ? $String(message.num) : message.num;
                else
                    object.num = options.longs === $String ? $util.Long.prototype.toString.call(message.num) : options.longs === $Number ? new $util.LongBits(message.num.low >>> 0, message.num.high >>> 0).toNumber() : message.num;
            if (message.history != null && $Object.hasOwnProperty.call(message, "history")) {
                object.history = $root.wandb_internal.HistoryRecord.toObject(message.history, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "history";
            }
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary")) {
                object.summary = $root.wandb_internal.SummaryRecord.toObject(message.summary, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "summary";
            }
            if (message.output != null && $Object.hasOwnProperty.call(message, "output")) {
                object.output = $root.wandb_internal.OutputRecord.toObject(message.output, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "output";
            }
            if (message.config != null && $Object.hasOwnProperty.call(message, "config")) {
                object.config = $root.wandb_internal.ConfigRecord.toObject(message.config, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "config";
            }
            if (message.files != null && $Object.hasOwnProperty.call(message, "files")) {
                object.files = $root.wandb_internal.FilesRecord.toObject(message.files, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "files";
            }
            if (message.stats != null && $Object.hasOwnProperty.call(message, "stats")) {
                object.stats = $root.wandb_internal.StatsRecord.toObject(message.stats, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "stats";
            }
            if (message.artifact != null && $Object.hasOwnProperty.call(message, "artifact")) {
                object.artifact = options.bytes === $String ? $util.base64.encode(message.artifact, 0, message.artifact.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.artifact) : message.artifact;
                if (options.oneofs)
                    object.record_type = "artifact";
            }
            if (message.telemetry != null && $Object.hasOwnProperty.call(message, "telemetry")) {
                object.telemetry = options.bytes === $String ? $util.base64.encode(message.telemetry, 0, message.telemetry.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.telemetry) : message.telemetry;
                if (options.oneofs)
                    object.record_type = "telemetry";
            }
            if (message.metric != null && $Object.hasOwnProperty.call(message, "metric")) {
                object.metric = options.bytes === $String ? $util.base64.encode(message.metric, 0, message.metric.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.metric) : message.metric;
                if (options.oneofs)
                    object.record_type = "metric";
            }
            if (message.output_raw != null && $Object.hasOwnProperty.call(message, "output_raw")) {
                object.output_raw = $root.wandb_internal.OutputRawRecord.toObject(message.output_raw, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "output_raw";
            }
            if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                object.control = $root.wandb_internal.Control.toObject(message.control, options, _depth + 1);
            if (message.run != null && $Object.hasOwnProperty.call(message, "run")) {
                object.run = $root.wandb_internal.RunRecord.toObject(message.run, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "run";
            }
            if (message.exit != null && $Object.hasOwnProperty.call(message, "exit")) {
                object.exit = $root.wandb_internal.RunExitRecord.toObject(message.exit, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "exit";
            }
            if (message.uuid != null && $Object.hasOwnProperty.call(message, "uuid"))
                object.uuid = message.uuid;
            if (message.final != null && $Object.hasOwnProperty.call(message, "final")) {
                object.final = $root.wandb_internal.FinalRecord.toObject(message.final, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "final";
            }
            if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                object.header = $root.wandb_internal.HeaderRecord.toObject(message.header, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "header";
            }
            if (message.footer != null && $Object.hasOwnProperty.call(message, "footer")) {
                object.footer = $root.wandb_internal.FooterRecord.toObject(message.footer, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "footer";
            }
            if (message.preempting != null && $Object.hasOwnProperty.call(message, "preempting")) {
                object.preempting = $root.wandb_internal.RunPreemptingRecord.toObject(message.preempting, options, _depth + 1);
                if (options.oneofs)
                    object.record_type = "preempting";
            }
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this Record to JSON.
         * @function toJSON
         * @memberof wandb_internal.Record
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Record.prototype.toJSON = function() {
            return Record.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Record
         * @function getTypeUrl
         * @memberof wandb_internal.Record
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Record.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.Record";
        };

        return Record;
    })();

    wandb_internal.Control = (function() {

        /**
         * Properties of a Control.
         * @typedef {Object} wandb_internal.Control.$Properties
         * @property {boolean|null} [req_resp] Control req_resp
         * @property {boolean|null} [local] Control local
         * @property {string|null} [relay_id] Control relay_id
         * @property {string|null} [mailbox_slot] Control mailbox_slot
         * @property {boolean|null} [always_send] Control always_send
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Control.
         * @memberof wandb_internal
         * @interface IControl
         * @augments wandb_internal.Control.$Properties
         * @deprecated Use wandb_internal.Control.$Properties instead.
         */

        /**
         * Shape of a Control.
         * @typedef {wandb_internal.Control.$Properties} wandb_internal.Control.$Shape
         */

        /**
         * Constructs a new Control.
         * @memberof wandb_internal
         * @classdesc Represents a Control.
         * @constructor
         * @param {wandb_internal.Control.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Control = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Control req_resp.
         * @member {boolean} req_resp
         * @memberof wandb_internal.Control
         * @instance
         */
        Control.prototype.req_resp = false;

        /**
         * Control local.
         * @member {boolean} local
         * @memberof wandb_internal.Control
         * @instance
         */
        Control.prototype.local = false;

        /**
         * Control relay_id.
         * @member {string} relay_id
         * @memberof wandb_internal.Control
         * @instance
         */
        Control.prototype.relay_id = "";

        /**
         * Control mailbox_slot.
         * @member {string} mailbox_slot
         * @memberof wandb_internal.Control
         * @instance
         */
        Control.prototype.mailbox_slot = "";

        /**
         * Control always_send.
         * @member {boolean} always_send
         * @memberof wandb_internal.Control
         * @instance
         */
        Control.prototype.always_send = false;

        /**
         * Creates a new Control instance using the specified properties.
         * @function create
         * @memberof wandb_internal.Control
         * @static
         * @param {wandb_internal.Control.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.Control} Control instance
         * @type {{
         *   (properties: wandb_internal.Control.$Shape): wandb_internal.Control & wandb_internal.Control.$Shape;
         *   (properties?: wandb_internal.Control.$Properties): wandb_internal.Control;
         * }}
         */
        Control.create = function(properties) {
            return new Control(properties);
        };

        /**
         * Encodes the specified Control message. Does not implicitly {@link wandb_internal.Control.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.Control
         * @static
         * @param {wandb_internal.Control.$Properties} message Control message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Control.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.req_resp != null && $Object.hasOwnProperty.call(message, "req_resp") && message.req_resp !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.req_resp);
            if (message.local != null && $Object.hasOwnProperty.call(message, "local") && message.local !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.local);
            if (message.relay_id != null && $Object.hasOwnProperty.call(message, "relay_id") && message.relay_id !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.relay_id);
            if (message.mailbox_slot != null && $Object.hasOwnProperty.call(message, "mailbox_slot") && message.mailbox_slot !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.mailbox_slot);
            if (message.always_send != null && $Object.hasOwnProperty.call(message, "always_send") && message.always_send !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.always_send);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Control message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.Control
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.Control & wandb_internal.Control.$Shape} Control
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Control.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.Control();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.req_resp = value;
                        else
                            delete message.req_resp;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.local = value;
                        else
                            delete message.local;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.relay_id = value;
                        else
                            delete message.relay_id;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.mailbox_slot = value;
                        else
                            delete message.mailbox_slot;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.always_send = value;
                        else
                            delete message.always_send;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Control message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.Control
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.Control} Control
         */
        Control.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.Control)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.Control: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.Control();
            if (object.req_resp != null)
                if (object.req_resp)
                    message.req_resp = $Boolean(object.req_resp);
            if (object.local != null)
                if (object.local)
                    message.local = $Boolean(object.local);
            if (object.relay_id != null)
                if (typeof object.relay_id !== "string" || object.relay_id.length)
                    message.relay_id = $String(object.relay_id);
            if (object.mailbox_slot != null)
                if (typeof object.mailbox_slot !== "string" || object.mailbox_slot.length)
                    message.mailbox_slot = $String(object.mailbox_slot);
            if (object.always_send != null)
                if (object.always_send)
                    message.always_send = $Boolean(object.always_send);
            return message;
        };

        /**
         * Creates a plain object from a Control message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.Control
         * @static
         * @param {wandb_internal.Control} message Control
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Control.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.req_resp = false;
                object.local = false;
                object.relay_id = "";
                object.mailbox_slot = "";
                object.always_send = false;
            }
            if (message.req_resp != null && $Object.hasOwnProperty.call(message, "req_resp"))
                object.req_resp = message.req_resp;
            if (message.local != null && $Object.hasOwnProperty.call(message, "local"))
                object.local = message.local;
            if (message.relay_id != null && $Object.hasOwnProperty.call(message, "relay_id"))
                object.relay_id = message.relay_id;
            if (message.mailbox_slot != null && $Object.hasOwnProperty.call(message, "mailbox_slot"))
                object.mailbox_slot = message.mailbox_slot;
            if (message.always_send != null && $Object.hasOwnProperty.call(message, "always_send"))
                object.always_send = message.always_send;
            return object;
        };

        /**
         * Converts this Control to JSON.
         * @function toJSON
         * @memberof wandb_internal.Control
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Control.prototype.toJSON = function() {
            return Control.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Control
         * @function getTypeUrl
         * @memberof wandb_internal.Control
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Control.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.Control";
        };

        return Control;
    })();

    wandb_internal._RecordInfo = (function() {

        /**
         * Properties of a _RecordInfo.
         * @typedef {Object} wandb_internal._RecordInfo.$Properties
         * @property {string|null} [stream_id] _RecordInfo stream_id
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a _RecordInfo.
         * @memberof wandb_internal
         * @interface I_RecordInfo
         * @augments wandb_internal._RecordInfo.$Properties
         * @deprecated Use wandb_internal._RecordInfo.$Properties instead.
         */

        /**
         * Shape of a _RecordInfo.
         * @typedef {wandb_internal._RecordInfo.$Properties} wandb_internal._RecordInfo.$Shape
         */

        /**
         * Constructs a new _RecordInfo.
         * @memberof wandb_internal
         * @classdesc Represents a _RecordInfo.
         * @constructor
         * @param {wandb_internal._RecordInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const _RecordInfo = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * _RecordInfo stream_id.
         * @member {string} stream_id
         * @memberof wandb_internal._RecordInfo
         * @instance
         */
        _RecordInfo.prototype.stream_id = "";

        /**
         * Creates a new _RecordInfo instance using the specified properties.
         * @function create
         * @memberof wandb_internal._RecordInfo
         * @static
         * @param {wandb_internal._RecordInfo.$Properties=} [properties] Properties to set
         * @returns {wandb_internal._RecordInfo} _RecordInfo instance
         * @type {{
         *   (properties: wandb_internal._RecordInfo.$Shape): wandb_internal._RecordInfo & wandb_internal._RecordInfo.$Shape;
         *   (properties?: wandb_internal._RecordInfo.$Properties): wandb_internal._RecordInfo;
         * }}
         */
        _RecordInfo.create = function(properties) {
            return new _RecordInfo(properties);
        };

        /**
         * Encodes the specified _RecordInfo message. Does not implicitly {@link wandb_internal._RecordInfo.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal._RecordInfo
         * @static
         * @param {wandb_internal._RecordInfo.$Properties} message _RecordInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        _RecordInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.stream_id != null && $Object.hasOwnProperty.call(message, "stream_id") && message.stream_id !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.stream_id);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a _RecordInfo message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal._RecordInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal._RecordInfo & wandb_internal._RecordInfo.$Shape} _RecordInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        _RecordInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal._RecordInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.stream_id = value;
                        else
                            delete message.stream_id;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a _RecordInfo message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal._RecordInfo
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal._RecordInfo} _RecordInfo
         */
        _RecordInfo.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal._RecordInfo)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal._RecordInfo: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal._RecordInfo();
            if (object.stream_id != null)
                if (typeof object.stream_id !== "string" || object.stream_id.length)
                    message.stream_id = $String(object.stream_id);
            return message;
        };

        /**
         * Creates a plain object from a _RecordInfo message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal._RecordInfo
         * @static
         * @param {wandb_internal._RecordInfo} message _RecordInfo
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        _RecordInfo.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object.stream_id = "";
            if (message.stream_id != null && $Object.hasOwnProperty.call(message, "stream_id"))
                object.stream_id = message.stream_id;
            return object;
        };

        /**
         * Converts this _RecordInfo to JSON.
         * @function toJSON
         * @memberof wandb_internal._RecordInfo
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        _RecordInfo.prototype.toJSON = function() {
            return _RecordInfo.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for _RecordInfo
         * @function getTypeUrl
         * @memberof wandb_internal._RecordInfo
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        _RecordInfo.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal._RecordInfo";
        };

        return _RecordInfo;
    })();

    wandb_internal.RunRecord = (function() {

        /**
         * Properties of a RunRecord.
         * @typedef {Object} wandb_internal.RunRecord.$Properties
         * @property {string|null} [run_id] RunRecord run_id
         * @property {string|null} [entity] RunRecord entity
         * @property {string|null} [project] RunRecord project
         * @property {wandb_internal.ConfigRecord.$Properties|null} [config] RunRecord config
         * @property {wandb_internal.SummaryRecord.$Properties|null} [summary] RunRecord summary
         * @property {string|null} [run_group] RunRecord run_group
         * @property {string|null} [job_type] RunRecord job_type
         * @property {string|null} [display_name] RunRecord display_name
         * @property {string|null} [notes] RunRecord notes
         * @property {Array.<string>|null} [tags] RunRecord tags
         * @property {string|null} [sweep_id] RunRecord sweep_id
         * @property {string|null} [host] RunRecord host
         * @property {number|Long|null} [starting_step] RunRecord starting_step
         * @property {string|null} [storage_id] RunRecord storage_id
         * @property {google.protobuf.Timestamp.$Properties|null} [start_time] RunRecord start_time
         * @property {boolean|null} [resumed] RunRecord resumed
         * @property {Uint8Array|null} [telemetry] RunRecord telemetry
         * @property {number|null} [runtime] RunRecord runtime
         * @property {wandb_internal.GitRepoRecord.$Properties|null} [git] RunRecord git
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] RunRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RunRecord.
         * @memberof wandb_internal
         * @interface IRunRecord
         * @augments wandb_internal.RunRecord.$Properties
         * @deprecated Use wandb_internal.RunRecord.$Properties instead.
         */

        /**
         * Shape of a RunRecord.
         * @typedef {wandb_internal.RunRecord.$Properties} wandb_internal.RunRecord.$Shape
         */

        /**
         * Constructs a new RunRecord.
         * @memberof wandb_internal
         * @classdesc Represents a RunRecord.
         * @constructor
         * @param {wandb_internal.RunRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RunRecord = function (properties) {
            this.tags = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RunRecord run_id.
         * @member {string} run_id
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.run_id = "";

        /**
         * RunRecord entity.
         * @member {string} entity
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.entity = "";

        /**
         * RunRecord project.
         * @member {string} project
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.project = "";

        /**
         * RunRecord config.
         * @member {wandb_internal.ConfigRecord.$Properties|null|undefined} config
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.config = null;

        /**
         * RunRecord summary.
         * @member {wandb_internal.SummaryRecord.$Properties|null|undefined} summary
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.summary = null;

        /**
         * RunRecord run_group.
         * @member {string} run_group
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.run_group = "";

        /**
         * RunRecord job_type.
         * @member {string} job_type
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.job_type = "";

        /**
         * RunRecord display_name.
         * @member {string} display_name
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.display_name = "";

        /**
         * RunRecord notes.
         * @member {string} notes
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.notes = "";

        /**
         * RunRecord tags.
         * @member {Array.<string>} tags
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.tags = $util.emptyArray;

        /**
         * RunRecord sweep_id.
         * @member {string} sweep_id
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.sweep_id = "";

        /**
         * RunRecord host.
         * @member {string} host
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.host = "";

        /**
         * RunRecord starting_step.
         * @member {number|Long} starting_step
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.starting_step = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * RunRecord storage_id.
         * @member {string} storage_id
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.storage_id = "";

        /**
         * RunRecord start_time.
         * @member {google.protobuf.Timestamp.$Properties|null|undefined} start_time
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.start_time = null;

        /**
         * RunRecord resumed.
         * @member {boolean} resumed
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.resumed = false;

        /**
         * RunRecord telemetry.
         * @member {Uint8Array} telemetry
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.telemetry = $util.newBuffer([]);

        /**
         * RunRecord runtime.
         * @member {number} runtime
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.runtime = 0;

        /**
         * RunRecord git.
         * @member {wandb_internal.GitRepoRecord.$Properties|null|undefined} git
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype.git = null;

        /**
         * RunRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.RunRecord
         * @instance
         */
        RunRecord.prototype._info = null;

        /**
         * Creates a new RunRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.RunRecord
         * @static
         * @param {wandb_internal.RunRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.RunRecord} RunRecord instance
         * @type {{
         *   (properties: wandb_internal.RunRecord.$Shape): wandb_internal.RunRecord & wandb_internal.RunRecord.$Shape;
         *   (properties?: wandb_internal.RunRecord.$Properties): wandb_internal.RunRecord;
         * }}
         */
        RunRecord.create = function(properties) {
            return new RunRecord(properties);
        };

        /**
         * Encodes the specified RunRecord message. Does not implicitly {@link wandb_internal.RunRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.RunRecord
         * @static
         * @param {wandb_internal.RunRecord.$Properties} message RunRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RunRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.run_id != null && $Object.hasOwnProperty.call(message, "run_id") && message.run_id !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.run_id);
            if (message.entity != null && $Object.hasOwnProperty.call(message, "entity") && message.entity !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.entity);
            if (message.project != null && $Object.hasOwnProperty.call(message, "project") && message.project !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.project);
            if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                $root.wandb_internal.ConfigRecord.encode(message.config, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary"))
                $root.wandb_internal.SummaryRecord.encode(message.summary, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.run_group != null && $Object.hasOwnProperty.call(message, "run_group") && message.run_group !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.run_group);
            if (message.job_type != null && $Object.hasOwnProperty.call(message, "job_type") && message.job_type !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.job_type);
            if (message.display_name != null && $Object.hasOwnProperty.call(message, "display_name") && message.display_name !== "")
                writer.uint32(/* id 8, wireType 2 =*/66).string(message.display_name);
            if (message.notes != null && $Object.hasOwnProperty.call(message, "notes") && message.notes !== "")
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.notes);
            if (message.tags != null && message.tags.length)
                for (let i = 0; i < message.tags.length; ++i)
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.tags[i]);
            if (message.sweep_id != null && $Object.hasOwnProperty.call(message, "sweep_id") && message.sweep_id !== "")
                writer.uint32(/* id 12, wireType 2 =*/98).string(message.sweep_id);
            if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                writer.uint32(/* id 13, wireType 2 =*/106).string(message.host);
            if (message.starting_step != null && $Object.hasOwnProperty.call(message, "starting_step") && (typeof message.starting_step === "object" ? message.starting_step.low || message.starting_step.high : message.starting_step !== 0))
                writer.uint32(/* id 14, wireType 0 =*/112).int64(message.starting_step);
            if (message.storage_id != null && $Object.hasOwnProperty.call(message, "storage_id") && message.storage_id !== "")
                writer.uint32(/* id 16, wireType 2 =*/130).string(message.storage_id);
            if (message.start_time != null && $Object.hasOwnProperty.call(message, "start_time"))
                $root.google.protobuf.Timestamp.encode(message.start_time, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
            if (message.resumed != null && $Object.hasOwnProperty.call(message, "resumed") && message.resumed !== false)
                writer.uint32(/* id 18, wireType 0 =*/144).bool(message.resumed);
            if (message.telemetry != null && $Object.hasOwnProperty.call(message, "telemetry") && message.telemetry.length)
                writer.uint32(/* id 19, wireType 2 =*/154).bytes(message.telemetry);
            if (message.runtime != null && $Object.hasOwnProperty.call(message, "runtime") && message.runtime !== 0)
                writer.uint32(/* id 20, wireType 0 =*/160).int32(message.runtime);
            if (message.git != null && $Object.hasOwnProperty.call(message, "git"))
                $root.wandb_internal.GitRepoRecord.encode(message.git, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RunRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.RunRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.RunRecord & wandb_internal.RunRecord.$Shape} RunRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RunRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.RunRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.run_id = value;
                        else
                            delete message.run_id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.entity = value;
                        else
                            delete message.entity;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.project = value;
                        else
                            delete message.project;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.config = $root.wandb_internal.ConfigRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.summary = $root.wandb_internal.SummaryRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.summary);
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.run_group = value;
                        else
                            delete message.run_group;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.job_type = value;
                        else
                            delete message.job_type;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.display_name = value;
                        else
                            delete message.display_name;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.notes = value;
                        else
                            delete message.notes;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if (!(message.tags && message.tags.length))
                            message.tags = [];
                        message.tags.push(reader.stringVerify());
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sweep_id = value;
                        else
                            delete message.sweep_id;
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.host = value;
                        else
                            delete message.host;
                        continue;
                    }
                case 14: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.starting_step = value;
                        else
                            delete message.starting_step;
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.storage_id = value;
                        else
                            delete message.storage_id;
                        continue;
                    }
                case 17: {
                        if (wireType !== 2)
                            break;
                        message.start_time = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.start_time);
                        continue;
                    }
                case 18: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.resumed = value;
                        else
                            delete message.resumed;
                        continue;
                    }
                case 19: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.telemetry = value;
                        else
                            delete message.telemetry;
                        continue;
                    }
                case 20: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.runtime = value;
                        else
                            delete message.runtime;
                        continue;
                    }
                case 21: {
                        if (wireType !== 2)
                            break;
                        message.git = $root.wandb_internal.GitRepoRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.git);
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a RunRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.RunRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.RunRecord} RunRecord
         */
        RunRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.RunRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.RunRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.RunRecord();
            if (object.run_id != null)
                if (typeof object.run_id !== "string" || object.run_id.length)
                    message.run_id = $String(object.run_id);
            if (object.entity != null)
                if (typeof object.entity !== "string" || object.entity.length)
                    message.entity = $String(object.entity);
            if (object.project != null)
                if (typeof object.project !== "string" || object.project.length)
                    message.project = $String(object.project);
            if (object.config != null) {
                if (!$util.isObject(object.config))
                    throw $TypeError(".wandb_internal.RunRecord.config: object expected");
                message.config = $root.wandb_internal.ConfigRecord.fromObject(object.config, _depth + 1);
            }
            if (object.summary != null) {
                if (!$util.isObject(object.summary))
                    throw $TypeError(".wandb_internal.RunRecord.summary: object expected");
                message.summary = $root.wandb_internal.SummaryRecord.fromObject(object.summary, _depth + 1);
            }
            if (object.run_group != null)
                if (typeof object.run_group !== "string" || object.run_group.length)
                    message.run_group = $String(object.run_group);
            if (object.job_type != null)
                if (typeof object.job_type !== "string" || object.job_type.length)
                    message.job_type = $String(object.job_type);
            if (object.display_name != null)
                if (typeof object.display_name !== "string" || object.display_name.length)
                    message.display_name = $String(object.display_name);
            if (object.notes != null)
                if (typeof object.notes !== "string" || object.notes.length)
                    message.notes = $String(object.notes);
            if (object.tags) {
                if (!$Array.isArray(object.tags))
                    throw $TypeError(".wandb_internal.RunRecord.tags: array expected");
                message.tags = $Array(object.tags.length);
                for (let i = 0; i < object.tags.length; ++i)
                    message.tags[i] = $String(object.tags[i]);
            }
            if (object.sweep_id != null)
                if (typeof object.sweep_id !== "string" || object.sweep_id.length)
                    message.sweep_id = $String(object.sweep_id);
            if (object.host != null)
                if (typeof object.host !== "string" || object.host.length)
                    message.host = $String(object.host);
            if (object.starting_step != null)
                if (typeof object.starting_step === "object" ? object.starting_step.low || object.starting_step.high : $Number(object.starting_step) !== 0)
                    if ($util.Long)
                        message.starting_step = $util.Long.fromValue(object.starting_step, false);
                    else if (typeof object.starting_step === "string")
                        message.starting_step = $parseInt(object.starting_step, 10);
                    else if (typeof object.starting_step === "number")
                        message.starting_step = object.starting_step;
                    else if (typeof object.starting_step === "object")
                        message.starting_step = new $util.LongBits(object.starting_step.low >>> 0, object.starting_step.high >>> 0).toNumber();
            if (object.storage_id != null)
                if (typeof object.storage_id !== "string" || object.storage_id.length)
                    message.storage_id = $String(object.storage_id);
            if (object.start_time != null) {
                if (!$util.isObject(object.start_time))
                    throw $TypeError(".wandb_internal.RunRecord.start_time: object expected");
                message.start_time = $root.google.protobuf.Timestamp.fromObject(object.start_time, _depth + 1);
            }
            if (object.resumed != null)
                if (object.resumed)
                    message.resumed = $Boolean(object.resumed);
            if (object.telemetry != null)
                if (object.telemetry.length)
                    if (typeof object.telemetry === "string")
                        $util.base64.decode(object.telemetry, message.telemetry = $util.newBuffer($util.base64.length(object.telemetry)), 0);
                    else if (object.telemetry.length >= 0)
                        message.telemetry = object.telemetry;
            if (object.runtime != null)
                if ($Number(object.runtime) !== 0)
                    message.runtime = object.runtime | 0;
            if (object.git != null) {
                if (!$util.isObject(object.git))
                    throw $TypeError(".wandb_internal.RunRecord.git: object expected");
                message.git = $root.wandb_internal.GitRepoRecord.fromObject(object.git, _depth + 1);
            }
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.RunRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a RunRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.RunRecord
         * @static
         * @param {wandb_internal.RunRecord} message RunRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        RunRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.tags = [];
            if (options.defaults) {
                object.run_id = "";
                object.entity = "";
                object.project = "";
                object.config = null;
                object.summary = null;
                object.run_group = "";
                object.job_type = "";
                object.display_name = "";
                object.notes = "";
                object.sweep_id = "";
                object.host = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, false);
                    object.starting_step = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.starting_step = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.storage_id = "";
                object.start_time = null;
                object.resumed = false;
                if (options.bytes === $String)
                    object.telemetry = "";
                else {
                    object.telemetry = [];
                    if (options.bytes !== $Array)
                        object.telemetry = $util.newBuffer(object.telemetry);
                }
                object.runtime = 0;
                object.git = null;
                object._info = null;
            }
            if (message.run_id != null && $Object.hasOwnProperty.call(message, "run_id"))
                object.run_id = message.run_id;
            if (message.entity != null && $Object.hasOwnProperty.call(message, "entity"))
                object.entity = message.entity;
            if (message.project != null && $Object.hasOwnProperty.call(message, "project"))
                object.project = message.project;
            if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                object.config = $root.wandb_internal.ConfigRecord.toObject(message.config, options, _depth + 1);
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary"))
                object.summary = $root.wandb_internal.SummaryRecord.toObject(message.summary, options, _depth + 1);
            if (message.run_group != null && $Object.hasOwnProperty.call(message, "run_group"))
                object.run_group = message.run_group;
            if (message.job_type != null && $Object.hasOwnProperty.call(message, "job_type"))
                object.job_type = message.job_type;
            if (message.display_name != null && $Object.hasOwnProperty.call(message, "display_name"))
                object.display_name = message.display_name;
            if (message.notes != null && $Object.hasOwnProperty.call(message, "notes"))
                object.notes = message.notes;
            if (message.tags && message.tags.length) {
                object.tags = $Array(message.tags.length);
                for (let j = 0; j < message.tags.length; ++j)
                    object.tags[j] = message.tags[j];
            }
            if (message.sweep_id != null && $Object.hasOwnProperty.call(message, "sweep_id"))
                object.sweep_id = message.sweep_id;
            if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                object.host = message.host;
            if (message.starting_step != null && $Object.hasOwnProperty.call(message, "starting_step"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.starting_step = typeof message.starting_step === "number" ? $BigInt(message.starting_step) : $util.Long.fromBits(message.starting_step.low >>> 0, message.starting_step.high >>> 0, false).toBigInt();
                else if (typeof message.starting_step === "number")
                    object.starting_step = options.longs === $String ? $String(message.starting_step) : message.starting_step;
                else
                    object.starting_step = options.longs === $String ? $util.Long.prototype.toString.call(message.starting_step) : options.longs === $Number ? new $util.LongBits(message.starting_step.low >>> 0, message.starting_step.high >>> 0).toNumber() : message.starting_step;
            if (message.storage_id != null && $Object.hasOwnProperty.call(message, "storage_id"))
                object.storage_id = message.storage_id;
            if (message.start_time != null && $Object.hasOwnProperty.call(message, "start_time"))
                object.start_time = $root.google.protobuf.Timestamp.toObject(message.start_time, options, _depth + 1);
            if (message.resumed != null && $Object.hasOwnProperty.call(message, "resumed"))
                object.resumed = message.resumed;
            if (message.telemetry != null && $Object.hasOwnProperty.call(message, "telemetry"))
                object.telemetry = options.bytes === $String ? $util.base64.encode(message.telemetry, 0, message.telemetry.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.telemetry) : message.telemetry;
            if (message.runtime != null && $Object.hasOwnProperty.call(message, "runtime"))
                object.runtime = message.runtime;
            if (message.git != null && $Object.hasOwnProperty.call(message, "git"))
                object.git = $root.wandb_internal.GitRepoRecord.toObject(message.git, options, _depth + 1);
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this RunRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.RunRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        RunRecord.prototype.toJSON = function() {
            return RunRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for RunRecord
         * @function getTypeUrl
         * @memberof wandb_internal.RunRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RunRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.RunRecord";
        };

        return RunRecord;
    })();

    wandb_internal.GitRepoRecord = (function() {

        /**
         * Properties of a GitRepoRecord.
         * @typedef {Object} wandb_internal.GitRepoRecord.$Properties
         * @property {string|null} [remote_url] GitRepoRecord remote_url
         * @property {string|null} [commit] GitRepoRecord commit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GitRepoRecord.
         * @memberof wandb_internal
         * @interface IGitRepoRecord
         * @augments wandb_internal.GitRepoRecord.$Properties
         * @deprecated Use wandb_internal.GitRepoRecord.$Properties instead.
         */

        /**
         * Shape of a GitRepoRecord.
         * @typedef {wandb_internal.GitRepoRecord.$Properties} wandb_internal.GitRepoRecord.$Shape
         */

        /**
         * Constructs a new GitRepoRecord.
         * @memberof wandb_internal
         * @classdesc Represents a GitRepoRecord.
         * @constructor
         * @param {wandb_internal.GitRepoRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GitRepoRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GitRepoRecord remote_url.
         * @member {string} remote_url
         * @memberof wandb_internal.GitRepoRecord
         * @instance
         */
        GitRepoRecord.prototype.remote_url = "";

        /**
         * GitRepoRecord commit.
         * @member {string} commit
         * @memberof wandb_internal.GitRepoRecord
         * @instance
         */
        GitRepoRecord.prototype.commit = "";

        /**
         * Creates a new GitRepoRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.GitRepoRecord
         * @static
         * @param {wandb_internal.GitRepoRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.GitRepoRecord} GitRepoRecord instance
         * @type {{
         *   (properties: wandb_internal.GitRepoRecord.$Shape): wandb_internal.GitRepoRecord & wandb_internal.GitRepoRecord.$Shape;
         *   (properties?: wandb_internal.GitRepoRecord.$Properties): wandb_internal.GitRepoRecord;
         * }}
         */
        GitRepoRecord.create = function(properties) {
            return new GitRepoRecord(properties);
        };

        /**
         * Encodes the specified GitRepoRecord message. Does not implicitly {@link wandb_internal.GitRepoRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.GitRepoRecord
         * @static
         * @param {wandb_internal.GitRepoRecord.$Properties} message GitRepoRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GitRepoRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.remote_url != null && $Object.hasOwnProperty.call(message, "remote_url") && message.remote_url !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.remote_url);
            if (message.commit != null && $Object.hasOwnProperty.call(message, "commit") && message.commit !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.commit);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GitRepoRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.GitRepoRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.GitRepoRecord & wandb_internal.GitRepoRecord.$Shape} GitRepoRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GitRepoRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.GitRepoRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.remote_url = value;
                        else
                            delete message.remote_url;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.commit = value;
                        else
                            delete message.commit;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a GitRepoRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.GitRepoRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.GitRepoRecord} GitRepoRecord
         */
        GitRepoRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.GitRepoRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.GitRepoRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.GitRepoRecord();
            if (object.remote_url != null)
                if (typeof object.remote_url !== "string" || object.remote_url.length)
                    message.remote_url = $String(object.remote_url);
            if (object.commit != null)
                if (typeof object.commit !== "string" || object.commit.length)
                    message.commit = $String(object.commit);
            return message;
        };

        /**
         * Creates a plain object from a GitRepoRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.GitRepoRecord
         * @static
         * @param {wandb_internal.GitRepoRecord} message GitRepoRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        GitRepoRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.remote_url = "";
                object.commit = "";
            }
            if (message.remote_url != null && $Object.hasOwnProperty.call(message, "remote_url"))
                object.remote_url = message.remote_url;
            if (message.commit != null && $Object.hasOwnProperty.call(message, "commit"))
                object.commit = message.commit;
            return object;
        };

        /**
         * Converts this GitRepoRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.GitRepoRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        GitRepoRecord.prototype.toJSON = function() {
            return GitRepoRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for GitRepoRecord
         * @function getTypeUrl
         * @memberof wandb_internal.GitRepoRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GitRepoRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.GitRepoRecord";
        };

        return GitRepoRecord;
    })();

    wandb_internal.ConfigRecord = (function() {

        /**
         * Properties of a ConfigRecord.
         * @typedef {Object} wandb_internal.ConfigRecord.$Properties
         * @property {Array.<wandb_internal.ConfigItem.$Properties>|null} [update] ConfigRecord update
         * @property {Array.<wandb_internal.ConfigItem.$Properties>|null} [remove] ConfigRecord remove
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] ConfigRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConfigRecord.
         * @memberof wandb_internal
         * @interface IConfigRecord
         * @augments wandb_internal.ConfigRecord.$Properties
         * @deprecated Use wandb_internal.ConfigRecord.$Properties instead.
         */

        /**
         * Shape of a ConfigRecord.
         * @typedef {wandb_internal.ConfigRecord.$Properties} wandb_internal.ConfigRecord.$Shape
         */

        /**
         * Constructs a new ConfigRecord.
         * @memberof wandb_internal
         * @classdesc Represents a ConfigRecord.
         * @constructor
         * @param {wandb_internal.ConfigRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConfigRecord = function (properties) {
            this.update = [];
            this.remove = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConfigRecord update.
         * @member {Array.<wandb_internal.ConfigItem.$Properties>} update
         * @memberof wandb_internal.ConfigRecord
         * @instance
         */
        ConfigRecord.prototype.update = $util.emptyArray;

        /**
         * ConfigRecord remove.
         * @member {Array.<wandb_internal.ConfigItem.$Properties>} remove
         * @memberof wandb_internal.ConfigRecord
         * @instance
         */
        ConfigRecord.prototype.remove = $util.emptyArray;

        /**
         * ConfigRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.ConfigRecord
         * @instance
         */
        ConfigRecord.prototype._info = null;

        /**
         * Creates a new ConfigRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.ConfigRecord
         * @static
         * @param {wandb_internal.ConfigRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.ConfigRecord} ConfigRecord instance
         * @type {{
         *   (properties: wandb_internal.ConfigRecord.$Shape): wandb_internal.ConfigRecord & wandb_internal.ConfigRecord.$Shape;
         *   (properties?: wandb_internal.ConfigRecord.$Properties): wandb_internal.ConfigRecord;
         * }}
         */
        ConfigRecord.create = function(properties) {
            return new ConfigRecord(properties);
        };

        /**
         * Encodes the specified ConfigRecord message. Does not implicitly {@link wandb_internal.ConfigRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.ConfigRecord
         * @static
         * @param {wandb_internal.ConfigRecord.$Properties} message ConfigRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConfigRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.update != null && message.update.length)
                for (let i = 0; i < message.update.length; ++i)
                    $root.wandb_internal.ConfigItem.encode(message.update[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.remove != null && message.remove.length)
                for (let i = 0; i < message.remove.length; ++i)
                    $root.wandb_internal.ConfigItem.encode(message.remove[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConfigRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.ConfigRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.ConfigRecord & wandb_internal.ConfigRecord.$Shape} ConfigRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConfigRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.ConfigRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.update && message.update.length))
                            message.update = [];
                        message.update.push($root.wandb_internal.ConfigItem.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.remove && message.remove.length))
                            message.remove = [];
                        message.remove.push($root.wandb_internal.ConfigItem.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a ConfigRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.ConfigRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.ConfigRecord} ConfigRecord
         */
        ConfigRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.ConfigRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.ConfigRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.ConfigRecord();
            if (object.update) {
                if (!$Array.isArray(object.update))
                    throw $TypeError(".wandb_internal.ConfigRecord.update: array expected");
                message.update = $Array(object.update.length);
                for (let i = 0; i < object.update.length; ++i) {
                    if (!$util.isObject(object.update[i]))
                        throw $TypeError(".wandb_internal.ConfigRecord.update: object expected");
                    message.update[i] = $root.wandb_internal.ConfigItem.fromObject(object.update[i], _depth + 1);
                }
            }
            if (object.remove) {
                if (!$Array.isArray(object.remove))
                    throw $TypeError(".wandb_internal.ConfigRecord.remove: array expected");
                message.remove = $Array(object.remove.length);
                for (let i = 0; i < object.remove.length; ++i) {
                    if (!$util.isObject(object.remove[i]))
                        throw $TypeError(".wandb_internal.ConfigRecord.remove: object expected");
                    message.remove[i] = $root.wandb_internal.ConfigItem.fromObject(object.remove[i], _depth + 1);
                }
            }
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.ConfigRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a ConfigRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.ConfigRecord
         * @static
         * @param {wandb_internal.ConfigRecord} message ConfigRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ConfigRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object.update = [];
                object.remove = [];
            }
            if (options.defaults)
                object._info = null;
            if (message.update && message.update.length) {
                object.update = $Array(message.update.length);
                for (let j = 0; j < message.update.length; ++j)
                    object.update[j] = $root.wandb_internal.ConfigItem.toObject(message.update[j], options, _depth + 1);
            }
            if (message.remove && message.remove.length) {
                object.remove = $Array(message.remove.length);
                for (let j = 0; j < message.remove.length; ++j)
                    object.remove[j] = $root.wandb_internal.ConfigItem.toObject(message.remove[j], options, _depth + 1);
            }
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this ConfigRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.ConfigRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ConfigRecord.prototype.toJSON = function() {
            return ConfigRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ConfigRecord
         * @function getTypeUrl
         * @memberof wandb_internal.ConfigRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConfigRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.ConfigRecord";
        };

        return ConfigRecord;
    })();

    wandb_internal.ConfigItem = (function() {

        /**
         * Properties of a ConfigItem.
         * @typedef {Object} wandb_internal.ConfigItem.$Properties
         * @property {string|null} [key] ConfigItem key
         * @property {Array.<string>|null} [nested_key] ConfigItem nested_key
         * @property {string|null} [value_json] ConfigItem value_json
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConfigItem.
         * @memberof wandb_internal
         * @interface IConfigItem
         * @augments wandb_internal.ConfigItem.$Properties
         * @deprecated Use wandb_internal.ConfigItem.$Properties instead.
         */

        /**
         * Shape of a ConfigItem.
         * @typedef {wandb_internal.ConfigItem.$Properties} wandb_internal.ConfigItem.$Shape
         */

        /**
         * Constructs a new ConfigItem.
         * @memberof wandb_internal
         * @classdesc Represents a ConfigItem.
         * @constructor
         * @param {wandb_internal.ConfigItem.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConfigItem = function (properties) {
            this.nested_key = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConfigItem key.
         * @member {string} key
         * @memberof wandb_internal.ConfigItem
         * @instance
         */
        ConfigItem.prototype.key = "";

        /**
         * ConfigItem nested_key.
         * @member {Array.<string>} nested_key
         * @memberof wandb_internal.ConfigItem
         * @instance
         */
        ConfigItem.prototype.nested_key = $util.emptyArray;

        /**
         * ConfigItem value_json.
         * @member {string} value_json
         * @memberof wandb_internal.ConfigItem
         * @instance
         */
        ConfigItem.prototype.value_json = "";

        /**
         * Creates a new ConfigItem instance using the specified properties.
         * @function create
         * @memberof wandb_internal.ConfigItem
         * @static
         * @param {wandb_internal.ConfigItem.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.ConfigItem} ConfigItem instance
         * @type {{
         *   (properties: wandb_internal.ConfigItem.$Shape): wandb_internal.ConfigItem & wandb_internal.ConfigItem.$Shape;
         *   (properties?: wandb_internal.ConfigItem.$Properties): wandb_internal.ConfigItem;
         * }}
         */
        ConfigItem.create = function(properties) {
            return new ConfigItem(properties);
        };

        /**
         * Encodes the specified ConfigItem message. Does not implicitly {@link wandb_internal.ConfigItem.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.ConfigItem
         * @static
         * @param {wandb_internal.ConfigItem.$Properties} message ConfigItem message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConfigItem.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
            if (message.nested_key != null && message.nested_key.length)
                for (let i = 0; i < message.nested_key.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nested_key[i]);
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json") && message.value_json !== "")
                writer.uint32(/* id 16, wireType 2 =*/130).string(message.value_json);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConfigItem message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.ConfigItem
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.ConfigItem & wandb_internal.ConfigItem.$Shape} ConfigItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConfigItem.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.ConfigItem();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nested_key && message.nested_key.length))
                            message.nested_key = [];
                        message.nested_key.push(reader.stringVerify());
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.value_json = value;
                        else
                            delete message.value_json;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a ConfigItem message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.ConfigItem
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.ConfigItem} ConfigItem
         */
        ConfigItem.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.ConfigItem)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.ConfigItem: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.ConfigItem();
            if (object.key != null)
                if (typeof object.key !== "string" || object.key.length)
                    message.key = $String(object.key);
            if (object.nested_key) {
                if (!$Array.isArray(object.nested_key))
                    throw $TypeError(".wandb_internal.ConfigItem.nested_key: array expected");
                message.nested_key = $Array(object.nested_key.length);
                for (let i = 0; i < object.nested_key.length; ++i)
                    message.nested_key[i] = $String(object.nested_key[i]);
            }
            if (object.value_json != null)
                if (typeof object.value_json !== "string" || object.value_json.length)
                    message.value_json = $String(object.value_json);
            return message;
        };

        /**
         * Creates a plain object from a ConfigItem message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.ConfigItem
         * @static
         * @param {wandb_internal.ConfigItem} message ConfigItem
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ConfigItem.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.nested_key = [];
            if (options.defaults) {
                object.key = "";
                object.value_json = "";
            }
            if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                object.key = message.key;
            if (message.nested_key && message.nested_key.length) {
                object.nested_key = $Array(message.nested_key.length);
                for (let j = 0; j < message.nested_key.length; ++j)
                    object.nested_key[j] = message.nested_key[j];
            }
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json"))
                object.value_json = message.value_json;
            return object;
        };

        /**
         * Converts this ConfigItem to JSON.
         * @function toJSON
         * @memberof wandb_internal.ConfigItem
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ConfigItem.prototype.toJSON = function() {
            return ConfigItem.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ConfigItem
         * @function getTypeUrl
         * @memberof wandb_internal.ConfigItem
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConfigItem.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.ConfigItem";
        };

        return ConfigItem;
    })();

    wandb_internal.SummaryRecord = (function() {

        /**
         * Properties of a SummaryRecord.
         * @typedef {Object} wandb_internal.SummaryRecord.$Properties
         * @property {Array.<wandb_internal.SummaryItem.$Properties>|null} [update] SummaryRecord update
         * @property {Array.<wandb_internal.SummaryItem.$Properties>|null} [remove] SummaryRecord remove
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] SummaryRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SummaryRecord.
         * @memberof wandb_internal
         * @interface ISummaryRecord
         * @augments wandb_internal.SummaryRecord.$Properties
         * @deprecated Use wandb_internal.SummaryRecord.$Properties instead.
         */

        /**
         * Shape of a SummaryRecord.
         * @typedef {wandb_internal.SummaryRecord.$Properties} wandb_internal.SummaryRecord.$Shape
         */

        /**
         * Constructs a new SummaryRecord.
         * @memberof wandb_internal
         * @classdesc Represents a SummaryRecord.
         * @constructor
         * @param {wandb_internal.SummaryRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SummaryRecord = function (properties) {
            this.update = [];
            this.remove = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SummaryRecord update.
         * @member {Array.<wandb_internal.SummaryItem.$Properties>} update
         * @memberof wandb_internal.SummaryRecord
         * @instance
         */
        SummaryRecord.prototype.update = $util.emptyArray;

        /**
         * SummaryRecord remove.
         * @member {Array.<wandb_internal.SummaryItem.$Properties>} remove
         * @memberof wandb_internal.SummaryRecord
         * @instance
         */
        SummaryRecord.prototype.remove = $util.emptyArray;

        /**
         * SummaryRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.SummaryRecord
         * @instance
         */
        SummaryRecord.prototype._info = null;

        /**
         * Creates a new SummaryRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.SummaryRecord
         * @static
         * @param {wandb_internal.SummaryRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.SummaryRecord} SummaryRecord instance
         * @type {{
         *   (properties: wandb_internal.SummaryRecord.$Shape): wandb_internal.SummaryRecord & wandb_internal.SummaryRecord.$Shape;
         *   (properties?: wandb_internal.SummaryRecord.$Properties): wandb_internal.SummaryRecord;
         * }}
         */
        SummaryRecord.create = function(properties) {
            return new SummaryRecord(properties);
        };

        /**
         * Encodes the specified SummaryRecord message. Does not implicitly {@link wandb_internal.SummaryRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.SummaryRecord
         * @static
         * @param {wandb_internal.SummaryRecord.$Properties} message SummaryRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SummaryRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.update != null && message.update.length)
                for (let i = 0; i < message.update.length; ++i)
                    $root.wandb_internal.SummaryItem.encode(message.update[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.remove != null && message.remove.length)
                for (let i = 0; i < message.remove.length; ++i)
                    $root.wandb_internal.SummaryItem.encode(message.remove[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SummaryRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.SummaryRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.SummaryRecord & wandb_internal.SummaryRecord.$Shape} SummaryRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SummaryRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.SummaryRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.update && message.update.length))
                            message.update = [];
                        message.update.push($root.wandb_internal.SummaryItem.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.remove && message.remove.length))
                            message.remove = [];
                        message.remove.push($root.wandb_internal.SummaryItem.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SummaryRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.SummaryRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.SummaryRecord} SummaryRecord
         */
        SummaryRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.SummaryRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.SummaryRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.SummaryRecord();
            if (object.update) {
                if (!$Array.isArray(object.update))
                    throw $TypeError(".wandb_internal.SummaryRecord.update: array expected");
                message.update = $Array(object.update.length);
                for (let i = 0; i < object.update.length; ++i) {
                    if (!$util.isObject(object.update[i]))
                        throw $TypeError(".wandb_internal.SummaryRecord.update: object expected");
                    message.update[i] = $root.wandb_internal.SummaryItem.fromObject(object.update[i], _depth + 1);
                }
            }
            if (object.remove) {
                if (!$Array.isArray(object.remove))
                    throw $TypeError(".wandb_internal.SummaryRecord.remove: array expected");
                message.remove = $Array(object.remove.length);
                for (let i = 0; i < object.remove.length; ++i) {
                    if (!$util.isObject(object.remove[i]))
                        throw $TypeError(".wandb_internal.SummaryRecord.remove: object expected");
                    message.remove[i] = $root.wandb_internal.SummaryItem.fromObject(object.remove[i], _depth + 1);
                }
            }
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.SummaryRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a SummaryRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.SummaryRecord
         * @static
         * @param {wandb_internal.SummaryRecord} message SummaryRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SummaryRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object.update = [];
                object.remove = [];
            }
            if (options.defaults)
                object._info = null;
            if (message.update && message.update.length) {
                object.update = $Array(message.update.length);
                for (let j = 0; j < message.update.length; ++j)
                    object.update[j] = $root.wandb_internal.SummaryItem.toObject(message.update[j], options, _depth + 1);
            }
            if (message.remove && message.remove.length) {
                object.remove = $Array(message.remove.length);
                for (let j = 0; j < message.remove.length; ++j)
                    object.remove[j] = $root.wandb_internal.SummaryItem.toObject(message.remove[j], options, _depth + 1);
            }
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this SummaryRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.SummaryRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SummaryRecord.prototype.toJSON = function() {
            return SummaryRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SummaryRecord
         * @function getTypeUrl
         * @memberof wandb_internal.SummaryRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SummaryRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.SummaryRecord";
        };

        return SummaryRecord;
    })();

    wandb_internal.SummaryItem = (function() {

        /**
         * Properties of a SummaryItem.
         * @typedef {Object} wandb_internal.SummaryItem.$Properties
         * @property {string|null} [key] SummaryItem key
         * @property {Array.<string>|null} [nested_key] SummaryItem nested_key
         * @property {string|null} [value_json] SummaryItem value_json
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SummaryItem.
         * @memberof wandb_internal
         * @interface ISummaryItem
         * @augments wandb_internal.SummaryItem.$Properties
         * @deprecated Use wandb_internal.SummaryItem.$Properties instead.
         */

        /**
         * Shape of a SummaryItem.
         * @typedef {wandb_internal.SummaryItem.$Properties} wandb_internal.SummaryItem.$Shape
         */

        /**
         * Constructs a new SummaryItem.
         * @memberof wandb_internal
         * @classdesc Represents a SummaryItem.
         * @constructor
         * @param {wandb_internal.SummaryItem.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SummaryItem = function (properties) {
            this.nested_key = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SummaryItem key.
         * @member {string} key
         * @memberof wandb_internal.SummaryItem
         * @instance
         */
        SummaryItem.prototype.key = "";

        /**
         * SummaryItem nested_key.
         * @member {Array.<string>} nested_key
         * @memberof wandb_internal.SummaryItem
         * @instance
         */
        SummaryItem.prototype.nested_key = $util.emptyArray;

        /**
         * SummaryItem value_json.
         * @member {string} value_json
         * @memberof wandb_internal.SummaryItem
         * @instance
         */
        SummaryItem.prototype.value_json = "";

        /**
         * Creates a new SummaryItem instance using the specified properties.
         * @function create
         * @memberof wandb_internal.SummaryItem
         * @static
         * @param {wandb_internal.SummaryItem.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.SummaryItem} SummaryItem instance
         * @type {{
         *   (properties: wandb_internal.SummaryItem.$Shape): wandb_internal.SummaryItem & wandb_internal.SummaryItem.$Shape;
         *   (properties?: wandb_internal.SummaryItem.$Properties): wandb_internal.SummaryItem;
         * }}
         */
        SummaryItem.create = function(properties) {
            return new SummaryItem(properties);
        };

        /**
         * Encodes the specified SummaryItem message. Does not implicitly {@link wandb_internal.SummaryItem.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.SummaryItem
         * @static
         * @param {wandb_internal.SummaryItem.$Properties} message SummaryItem message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SummaryItem.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
            if (message.nested_key != null && message.nested_key.length)
                for (let i = 0; i < message.nested_key.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nested_key[i]);
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json") && message.value_json !== "")
                writer.uint32(/* id 16, wireType 2 =*/130).string(message.value_json);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SummaryItem message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.SummaryItem
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.SummaryItem & wandb_internal.SummaryItem.$Shape} SummaryItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SummaryItem.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.SummaryItem();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nested_key && message.nested_key.length))
                            message.nested_key = [];
                        message.nested_key.push(reader.stringVerify());
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.value_json = value;
                        else
                            delete message.value_json;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SummaryItem message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.SummaryItem
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.SummaryItem} SummaryItem
         */
        SummaryItem.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.SummaryItem)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.SummaryItem: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.SummaryItem();
            if (object.key != null)
                if (typeof object.key !== "string" || object.key.length)
                    message.key = $String(object.key);
            if (object.nested_key) {
                if (!$Array.isArray(object.nested_key))
                    throw $TypeError(".wandb_internal.SummaryItem.nested_key: array expected");
                message.nested_key = $Array(object.nested_key.length);
                for (let i = 0; i < object.nested_key.length; ++i)
                    message.nested_key[i] = $String(object.nested_key[i]);
            }
            if (object.value_json != null)
                if (typeof object.value_json !== "string" || object.value_json.length)
                    message.value_json = $String(object.value_json);
            return message;
        };

        /**
         * Creates a plain object from a SummaryItem message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.SummaryItem
         * @static
         * @param {wandb_internal.SummaryItem} message SummaryItem
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SummaryItem.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.nested_key = [];
            if (options.defaults) {
                object.key = "";
                object.value_json = "";
            }
            if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                object.key = message.key;
            if (message.nested_key && message.nested_key.length) {
                object.nested_key = $Array(message.nested_key.length);
                for (let j = 0; j < message.nested_key.length; ++j)
                    object.nested_key[j] = message.nested_key[j];
            }
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json"))
                object.value_json = message.value_json;
            return object;
        };

        /**
         * Converts this SummaryItem to JSON.
         * @function toJSON
         * @memberof wandb_internal.SummaryItem
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SummaryItem.prototype.toJSON = function() {
            return SummaryItem.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SummaryItem
         * @function getTypeUrl
         * @memberof wandb_internal.SummaryItem
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SummaryItem.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.SummaryItem";
        };

        return SummaryItem;
    })();

    wandb_internal.HistoryRecord = (function() {

        /**
         * Properties of a HistoryRecord.
         * @typedef {Object} wandb_internal.HistoryRecord.$Properties
         * @property {Array.<wandb_internal.HistoryItem.$Properties>|null} [item] HistoryRecord item
         * @property {wandb_internal.HistoryStep.$Properties|null} [step] HistoryRecord step
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] HistoryRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HistoryRecord.
         * @memberof wandb_internal
         * @interface IHistoryRecord
         * @augments wandb_internal.HistoryRecord.$Properties
         * @deprecated Use wandb_internal.HistoryRecord.$Properties instead.
         */

        /**
         * Shape of a HistoryRecord.
         * @typedef {wandb_internal.HistoryRecord.$Properties} wandb_internal.HistoryRecord.$Shape
         */

        /**
         * Constructs a new HistoryRecord.
         * @memberof wandb_internal
         * @classdesc Represents a HistoryRecord.
         * @constructor
         * @param {wandb_internal.HistoryRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HistoryRecord = function (properties) {
            this.item = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HistoryRecord item.
         * @member {Array.<wandb_internal.HistoryItem.$Properties>} item
         * @memberof wandb_internal.HistoryRecord
         * @instance
         */
        HistoryRecord.prototype.item = $util.emptyArray;

        /**
         * HistoryRecord step.
         * @member {wandb_internal.HistoryStep.$Properties|null|undefined} step
         * @memberof wandb_internal.HistoryRecord
         * @instance
         */
        HistoryRecord.prototype.step = null;

        /**
         * HistoryRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.HistoryRecord
         * @instance
         */
        HistoryRecord.prototype._info = null;

        /**
         * Creates a new HistoryRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.HistoryRecord
         * @static
         * @param {wandb_internal.HistoryRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.HistoryRecord} HistoryRecord instance
         * @type {{
         *   (properties: wandb_internal.HistoryRecord.$Shape): wandb_internal.HistoryRecord & wandb_internal.HistoryRecord.$Shape;
         *   (properties?: wandb_internal.HistoryRecord.$Properties): wandb_internal.HistoryRecord;
         * }}
         */
        HistoryRecord.create = function(properties) {
            return new HistoryRecord(properties);
        };

        /**
         * Encodes the specified HistoryRecord message. Does not implicitly {@link wandb_internal.HistoryRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.HistoryRecord
         * @static
         * @param {wandb_internal.HistoryRecord.$Properties} message HistoryRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HistoryRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.item != null && message.item.length)
                for (let i = 0; i < message.item.length; ++i)
                    $root.wandb_internal.HistoryItem.encode(message.item[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                $root.wandb_internal.HistoryStep.encode(message.step, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HistoryRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.HistoryRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.HistoryRecord & wandb_internal.HistoryRecord.$Shape} HistoryRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HistoryRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.HistoryRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.item && message.item.length))
                            message.item = [];
                        message.item.push($root.wandb_internal.HistoryItem.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.step = $root.wandb_internal.HistoryStep.decode(reader, reader.size(), $undefined, _depth + 1, message.step);
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a HistoryRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.HistoryRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.HistoryRecord} HistoryRecord
         */
        HistoryRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.HistoryRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.HistoryRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.HistoryRecord();
            if (object.item) {
                if (!$Array.isArray(object.item))
                    throw $TypeError(".wandb_internal.HistoryRecord.item: array expected");
                message.item = $Array(object.item.length);
                for (let i = 0; i < object.item.length; ++i) {
                    if (!$util.isObject(object.item[i]))
                        throw $TypeError(".wandb_internal.HistoryRecord.item: object expected");
                    message.item[i] = $root.wandb_internal.HistoryItem.fromObject(object.item[i], _depth + 1);
                }
            }
            if (object.step != null) {
                if (!$util.isObject(object.step))
                    throw $TypeError(".wandb_internal.HistoryRecord.step: object expected");
                message.step = $root.wandb_internal.HistoryStep.fromObject(object.step, _depth + 1);
            }
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.HistoryRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a HistoryRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.HistoryRecord
         * @static
         * @param {wandb_internal.HistoryRecord} message HistoryRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        HistoryRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.item = [];
            if (options.defaults) {
                object.step = null;
                object._info = null;
            }
            if (message.item && message.item.length) {
                object.item = $Array(message.item.length);
                for (let j = 0; j < message.item.length; ++j)
                    object.item[j] = $root.wandb_internal.HistoryItem.toObject(message.item[j], options, _depth + 1);
            }
            if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                object.step = $root.wandb_internal.HistoryStep.toObject(message.step, options, _depth + 1);
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this HistoryRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.HistoryRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        HistoryRecord.prototype.toJSON = function() {
            return HistoryRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for HistoryRecord
         * @function getTypeUrl
         * @memberof wandb_internal.HistoryRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HistoryRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.HistoryRecord";
        };

        return HistoryRecord;
    })();

    wandb_internal.HistoryItem = (function() {

        /**
         * Properties of a HistoryItem.
         * @typedef {Object} wandb_internal.HistoryItem.$Properties
         * @property {string|null} [key] HistoryItem key
         * @property {Array.<string>|null} [nested_key] HistoryItem nested_key
         * @property {string|null} [value_json] HistoryItem value_json
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HistoryItem.
         * @memberof wandb_internal
         * @interface IHistoryItem
         * @augments wandb_internal.HistoryItem.$Properties
         * @deprecated Use wandb_internal.HistoryItem.$Properties instead.
         */

        /**
         * Shape of a HistoryItem.
         * @typedef {wandb_internal.HistoryItem.$Properties} wandb_internal.HistoryItem.$Shape
         */

        /**
         * Constructs a new HistoryItem.
         * @memberof wandb_internal
         * @classdesc Represents a HistoryItem.
         * @constructor
         * @param {wandb_internal.HistoryItem.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HistoryItem = function (properties) {
            this.nested_key = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HistoryItem key.
         * @member {string} key
         * @memberof wandb_internal.HistoryItem
         * @instance
         */
        HistoryItem.prototype.key = "";

        /**
         * HistoryItem nested_key.
         * @member {Array.<string>} nested_key
         * @memberof wandb_internal.HistoryItem
         * @instance
         */
        HistoryItem.prototype.nested_key = $util.emptyArray;

        /**
         * HistoryItem value_json.
         * @member {string} value_json
         * @memberof wandb_internal.HistoryItem
         * @instance
         */
        HistoryItem.prototype.value_json = "";

        /**
         * Creates a new HistoryItem instance using the specified properties.
         * @function create
         * @memberof wandb_internal.HistoryItem
         * @static
         * @param {wandb_internal.HistoryItem.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.HistoryItem} HistoryItem instance
         * @type {{
         *   (properties: wandb_internal.HistoryItem.$Shape): wandb_internal.HistoryItem & wandb_internal.HistoryItem.$Shape;
         *   (properties?: wandb_internal.HistoryItem.$Properties): wandb_internal.HistoryItem;
         * }}
         */
        HistoryItem.create = function(properties) {
            return new HistoryItem(properties);
        };

        /**
         * Encodes the specified HistoryItem message. Does not implicitly {@link wandb_internal.HistoryItem.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.HistoryItem
         * @static
         * @param {wandb_internal.HistoryItem.$Properties} message HistoryItem message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HistoryItem.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
            if (message.nested_key != null && message.nested_key.length)
                for (let i = 0; i < message.nested_key.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nested_key[i]);
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json") && message.value_json !== "")
                writer.uint32(/* id 16, wireType 2 =*/130).string(message.value_json);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HistoryItem message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.HistoryItem
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.HistoryItem & wandb_internal.HistoryItem.$Shape} HistoryItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HistoryItem.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.HistoryItem();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nested_key && message.nested_key.length))
                            message.nested_key = [];
                        message.nested_key.push(reader.stringVerify());
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.value_json = value;
                        else
                            delete message.value_json;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a HistoryItem message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.HistoryItem
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.HistoryItem} HistoryItem
         */
        HistoryItem.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.HistoryItem)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.HistoryItem: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.HistoryItem();
            if (object.key != null)
                if (typeof object.key !== "string" || object.key.length)
                    message.key = $String(object.key);
            if (object.nested_key) {
                if (!$Array.isArray(object.nested_key))
                    throw $TypeError(".wandb_internal.HistoryItem.nested_key: array expected");
                message.nested_key = $Array(object.nested_key.length);
                for (let i = 0; i < object.nested_key.length; ++i)
                    message.nested_key[i] = $String(object.nested_key[i]);
            }
            if (object.value_json != null)
                if (typeof object.value_json !== "string" || object.value_json.length)
                    message.value_json = $String(object.value_json);
            return message;
        };

        /**
         * Creates a plain object from a HistoryItem message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.HistoryItem
         * @static
         * @param {wandb_internal.HistoryItem} message HistoryItem
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        HistoryItem.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.nested_key = [];
            if (options.defaults) {
                object.key = "";
                object.value_json = "";
            }
            if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                object.key = message.key;
            if (message.nested_key && message.nested_key.length) {
                object.nested_key = $Array(message.nested_key.length);
                for (let j = 0; j < message.nested_key.length; ++j)
                    object.nested_key[j] = message.nested_key[j];
            }
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json"))
                object.value_json = message.value_json;
            return object;
        };

        /**
         * Converts this HistoryItem to JSON.
         * @function toJSON
         * @memberof wandb_internal.HistoryItem
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        HistoryItem.prototype.toJSON = function() {
            return HistoryItem.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for HistoryItem
         * @function getTypeUrl
         * @memberof wandb_internal.HistoryItem
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HistoryItem.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.HistoryItem";
        };

        return HistoryItem;
    })();

    wandb_internal.HistoryStep = (function() {

        /**
         * Properties of a HistoryStep.
         * @typedef {Object} wandb_internal.HistoryStep.$Properties
         * @property {number|Long|null} [num] HistoryStep num
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HistoryStep.
         * @memberof wandb_internal
         * @interface IHistoryStep
         * @augments wandb_internal.HistoryStep.$Properties
         * @deprecated Use wandb_internal.HistoryStep.$Properties instead.
         */

        /**
         * Shape of a HistoryStep.
         * @typedef {wandb_internal.HistoryStep.$Properties} wandb_internal.HistoryStep.$Shape
         */

        /**
         * Constructs a new HistoryStep.
         * @memberof wandb_internal
         * @classdesc Represents a HistoryStep.
         * @constructor
         * @param {wandb_internal.HistoryStep.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HistoryStep = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HistoryStep num.
         * @member {number|Long} num
         * @memberof wandb_internal.HistoryStep
         * @instance
         */
        HistoryStep.prototype.num = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new HistoryStep instance using the specified properties.
         * @function create
         * @memberof wandb_internal.HistoryStep
         * @static
         * @param {wandb_internal.HistoryStep.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.HistoryStep} HistoryStep instance
         * @type {{
         *   (properties: wandb_internal.HistoryStep.$Shape): wandb_internal.HistoryStep & wandb_internal.HistoryStep.$Shape;
         *   (properties?: wandb_internal.HistoryStep.$Properties): wandb_internal.HistoryStep;
         * }}
         */
        HistoryStep.create = function(properties) {
            return new HistoryStep(properties);
        };

        /**
         * Encodes the specified HistoryStep message. Does not implicitly {@link wandb_internal.HistoryStep.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.HistoryStep
         * @static
         * @param {wandb_internal.HistoryStep.$Properties} message HistoryStep message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HistoryStep.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.num != null && $Object.hasOwnProperty.call(message, "num") && (typeof message.num === "object" ? message.num.low || message.num.high : message.num !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.num);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HistoryStep message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.HistoryStep
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.HistoryStep & wandb_internal.HistoryStep.$Shape} HistoryStep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HistoryStep.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.HistoryStep();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.num = value;
                        else
                            delete message.num;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a HistoryStep message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.HistoryStep
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.HistoryStep} HistoryStep
         */
        HistoryStep.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.HistoryStep)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.HistoryStep: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.HistoryStep();
            if (object.num != null)
                if (typeof object.num === "object" ? object.num.low || object.num.high : $Number(object.num) !== 0)
                    if ($util.Long)
                        message.num = $util.Long.fromValue(object.num, false);
                    else if (typeof object.num === "string")
                        message.num = $parseInt(object.num, 10);
                    else if (typeof object.num === "number")
                        message.num = object.num;
                    else if (typeof object.num === "object")
                        message.num = new $util.LongBits(object.num.low >>> 0, object.num.high >>> 0).toNumber();
            return message;
        };

        /**
         * Creates a plain object from a HistoryStep message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.HistoryStep
         * @static
         * @param {wandb_internal.HistoryStep} message HistoryStep
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        HistoryStep.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                if ($util.Long) {
                    let long = new $util.Long(0, 0, false);
                    object.num = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.num = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            if (message.num != null && $Object.hasOwnProperty.call(message, "num"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.num = typeof message.num === "number" ? $BigInt(message.num) : $util.Long.fromBits(message.num.low >>> 0, message.num.high >>> 0, false).toBigInt();
                else if (typeof message.num === "number")
                    object.num = options.longs === $String ? $String(message.num) : message.num;
                else
                    object.num = options.longs === $String ? $util.Long.prototype.toString.call(message.num) : options.longs === $Number ? new $util.LongBits(message.num.low >>> 0, message.num.high >>> 0).toNumber() : message.num;
            return object;
        };

        /**
         * Converts this HistoryStep to JSON.
         * @function toJSON
         * @memberof wandb_internal.HistoryStep
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        HistoryStep.prototype.toJSON = function() {
            return HistoryStep.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for HistoryStep
         * @function getTypeUrl
         * @memberof wandb_internal.HistoryStep
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HistoryStep.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.HistoryStep";
        };

        return HistoryStep;
    })();

    wandb_internal.StatsRecord = (function() {

        /**
         * Properties of a StatsRecord.
         * @typedef {Object} wandb_internal.StatsRecord.$Properties
         * @property {wandb_internal.StatsRecord.StatsType|null} [stats_type] StatsRecord stats_type
         * @property {google.protobuf.Timestamp.$Properties|null} [timestamp] StatsRecord timestamp
         * @property {Array.<wandb_internal.StatsItem.$Properties>|null} [item] StatsRecord item
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] StatsRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatsRecord.
         * @memberof wandb_internal
         * @interface IStatsRecord
         * @augments wandb_internal.StatsRecord.$Properties
         * @deprecated Use wandb_internal.StatsRecord.$Properties instead.
         */

        /**
         * Shape of a StatsRecord.
         * @typedef {wandb_internal.StatsRecord.$Properties} wandb_internal.StatsRecord.$Shape
         */

        /**
         * Constructs a new StatsRecord.
         * @memberof wandb_internal
         * @classdesc Represents a StatsRecord.
         * @constructor
         * @param {wandb_internal.StatsRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatsRecord = function (properties) {
            this.item = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StatsRecord stats_type.
         * @member {wandb_internal.StatsRecord.StatsType} stats_type
         * @memberof wandb_internal.StatsRecord
         * @instance
         */
        StatsRecord.prototype.stats_type = 0;

        /**
         * StatsRecord timestamp.
         * @member {google.protobuf.Timestamp.$Properties|null|undefined} timestamp
         * @memberof wandb_internal.StatsRecord
         * @instance
         */
        StatsRecord.prototype.timestamp = null;

        /**
         * StatsRecord item.
         * @member {Array.<wandb_internal.StatsItem.$Properties>} item
         * @memberof wandb_internal.StatsRecord
         * @instance
         */
        StatsRecord.prototype.item = $util.emptyArray;

        /**
         * StatsRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.StatsRecord
         * @instance
         */
        StatsRecord.prototype._info = null;

        /**
         * Creates a new StatsRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.StatsRecord
         * @static
         * @param {wandb_internal.StatsRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.StatsRecord} StatsRecord instance
         * @type {{
         *   (properties: wandb_internal.StatsRecord.$Shape): wandb_internal.StatsRecord & wandb_internal.StatsRecord.$Shape;
         *   (properties?: wandb_internal.StatsRecord.$Properties): wandb_internal.StatsRecord;
         * }}
         */
        StatsRecord.create = function(properties) {
            return new StatsRecord(properties);
        };

        /**
         * Encodes the specified StatsRecord message. Does not implicitly {@link wandb_internal.StatsRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.StatsRecord
         * @static
         * @param {wandb_internal.StatsRecord.$Properties} message StatsRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatsRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.stats_type != null && $Object.hasOwnProperty.call(message, "stats_type") && message.stats_type !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.stats_type);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp"))
                $root.google.protobuf.Timestamp.encode(message.timestamp, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.item != null && message.item.length)
                for (let i = 0; i < message.item.length; ++i)
                    $root.wandb_internal.StatsItem.encode(message.item[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatsRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.StatsRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.StatsRecord & wandb_internal.StatsRecord.$Shape} StatsRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatsRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.StatsRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.stats_type = value;
                        else
                            delete message.stats_type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.timestamp = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.timestamp);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.item && message.item.length))
                            message.item = [];
                        message.item.push($root.wandb_internal.StatsItem.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a StatsRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.StatsRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.StatsRecord} StatsRecord
         */
        StatsRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.StatsRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.StatsRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.StatsRecord();
            if (object.stats_type !== 0 && (typeof object.stats_type !== "string" || $root.wandb_internal.StatsRecord.StatsType[object.stats_type] !== 0))
                switch (object.stats_type) {
                case "SYSTEM":
                case 0:
                    message.stats_type = 0;
                    break;
                default:
                    if (typeof object.stats_type === "number" && (object.stats_type | 0) === object.stats_type)
                        message.stats_type = object.stats_type;
                }
            if (object.timestamp != null) {
                if (!$util.isObject(object.timestamp))
                    throw $TypeError(".wandb_internal.StatsRecord.timestamp: object expected");
                message.timestamp = $root.google.protobuf.Timestamp.fromObject(object.timestamp, _depth + 1);
            }
            if (object.item) {
                if (!$Array.isArray(object.item))
                    throw $TypeError(".wandb_internal.StatsRecord.item: array expected");
                message.item = $Array(object.item.length);
                for (let i = 0; i < object.item.length; ++i) {
                    if (!$util.isObject(object.item[i]))
                        throw $TypeError(".wandb_internal.StatsRecord.item: object expected");
                    message.item[i] = $root.wandb_internal.StatsItem.fromObject(object.item[i], _depth + 1);
                }
            }
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.StatsRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a StatsRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.StatsRecord
         * @static
         * @param {wandb_internal.StatsRecord} message StatsRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        StatsRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.item = [];
            if (options.defaults) {
                object.stats_type = options.enums === $String ? "SYSTEM" : 0;
                object.timestamp = null;
                object._info = null;
            }
            if (message.stats_type != null && $Object.hasOwnProperty.call(message, "stats_type"))
                object.stats_type = options.enums === $String ? $root.wandb_internal.StatsRecord.StatsType[message.stats_type] === $undefined ? message.stats_type : $root.wandb_internal.StatsRecord.StatsType[message.stats_type] : message.stats_type;
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp"))
                object.timestamp = $root.google.protobuf.Timestamp.toObject(message.timestamp, options, _depth + 1);
            if (message.item && message.item.length) {
                object.item = $Array(message.item.length);
                for (let j = 0; j < message.item.length; ++j)
                    object.item[j] = $root.wandb_internal.StatsItem.toObject(message.item[j], options, _depth + 1);
            }
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this StatsRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.StatsRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        StatsRecord.prototype.toJSON = function() {
            return StatsRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for StatsRecord
         * @function getTypeUrl
         * @memberof wandb_internal.StatsRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        StatsRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.StatsRecord";
        };

        /**
         * StatsType enum.
         * @name wandb_internal.StatsRecord.StatsType
         * @enum {number}
         * @property {number} SYSTEM=0 SYSTEM value
         */
        StatsRecord.StatsType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SYSTEM"] = 0;
            return values;
        })();

        return StatsRecord;
    })();

    wandb_internal.StatsItem = (function() {

        /**
         * Properties of a StatsItem.
         * @typedef {Object} wandb_internal.StatsItem.$Properties
         * @property {string|null} [key] StatsItem key
         * @property {string|null} [value_json] StatsItem value_json
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatsItem.
         * @memberof wandb_internal
         * @interface IStatsItem
         * @augments wandb_internal.StatsItem.$Properties
         * @deprecated Use wandb_internal.StatsItem.$Properties instead.
         */

        /**
         * Shape of a StatsItem.
         * @typedef {wandb_internal.StatsItem.$Properties} wandb_internal.StatsItem.$Shape
         */

        /**
         * Constructs a new StatsItem.
         * @memberof wandb_internal
         * @classdesc Represents a StatsItem.
         * @constructor
         * @param {wandb_internal.StatsItem.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatsItem = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StatsItem key.
         * @member {string} key
         * @memberof wandb_internal.StatsItem
         * @instance
         */
        StatsItem.prototype.key = "";

        /**
         * StatsItem value_json.
         * @member {string} value_json
         * @memberof wandb_internal.StatsItem
         * @instance
         */
        StatsItem.prototype.value_json = "";

        /**
         * Creates a new StatsItem instance using the specified properties.
         * @function create
         * @memberof wandb_internal.StatsItem
         * @static
         * @param {wandb_internal.StatsItem.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.StatsItem} StatsItem instance
         * @type {{
         *   (properties: wandb_internal.StatsItem.$Shape): wandb_internal.StatsItem & wandb_internal.StatsItem.$Shape;
         *   (properties?: wandb_internal.StatsItem.$Properties): wandb_internal.StatsItem;
         * }}
         */
        StatsItem.create = function(properties) {
            return new StatsItem(properties);
        };

        /**
         * Encodes the specified StatsItem message. Does not implicitly {@link wandb_internal.StatsItem.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.StatsItem
         * @static
         * @param {wandb_internal.StatsItem.$Properties} message StatsItem message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatsItem.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json") && message.value_json !== "")
                writer.uint32(/* id 16, wireType 2 =*/130).string(message.value_json);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatsItem message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.StatsItem
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.StatsItem & wandb_internal.StatsItem.$Shape} StatsItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatsItem.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.StatsItem();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.value_json = value;
                        else
                            delete message.value_json;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a StatsItem message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.StatsItem
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.StatsItem} StatsItem
         */
        StatsItem.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.StatsItem)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.StatsItem: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.StatsItem();
            if (object.key != null)
                if (typeof object.key !== "string" || object.key.length)
                    message.key = $String(object.key);
            if (object.value_json != null)
                if (typeof object.value_json !== "string" || object.value_json.length)
                    message.value_json = $String(object.value_json);
            return message;
        };

        /**
         * Creates a plain object from a StatsItem message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.StatsItem
         * @static
         * @param {wandb_internal.StatsItem} message StatsItem
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        StatsItem.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.key = "";
                object.value_json = "";
            }
            if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                object.key = message.key;
            if (message.value_json != null && $Object.hasOwnProperty.call(message, "value_json"))
                object.value_json = message.value_json;
            return object;
        };

        /**
         * Converts this StatsItem to JSON.
         * @function toJSON
         * @memberof wandb_internal.StatsItem
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        StatsItem.prototype.toJSON = function() {
            return StatsItem.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for StatsItem
         * @function getTypeUrl
         * @memberof wandb_internal.StatsItem
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        StatsItem.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.StatsItem";
        };

        return StatsItem;
    })();

    wandb_internal.OutputRecord = (function() {

        /**
         * Properties of an OutputRecord.
         * @typedef {Object} wandb_internal.OutputRecord.$Properties
         * @property {wandb_internal.OutputRecord.OutputType|null} [output_type] OutputRecord output_type
         * @property {google.protobuf.Timestamp.$Properties|null} [timestamp] OutputRecord timestamp
         * @property {string|null} [line] OutputRecord line
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] OutputRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OutputRecord.
         * @memberof wandb_internal
         * @interface IOutputRecord
         * @augments wandb_internal.OutputRecord.$Properties
         * @deprecated Use wandb_internal.OutputRecord.$Properties instead.
         */

        /**
         * Shape of an OutputRecord.
         * @typedef {wandb_internal.OutputRecord.$Properties} wandb_internal.OutputRecord.$Shape
         */

        /**
         * Constructs a new OutputRecord.
         * @memberof wandb_internal
         * @classdesc Represents an OutputRecord.
         * @constructor
         * @param {wandb_internal.OutputRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OutputRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OutputRecord output_type.
         * @member {wandb_internal.OutputRecord.OutputType} output_type
         * @memberof wandb_internal.OutputRecord
         * @instance
         */
        OutputRecord.prototype.output_type = 0;

        /**
         * OutputRecord timestamp.
         * @member {google.protobuf.Timestamp.$Properties|null|undefined} timestamp
         * @memberof wandb_internal.OutputRecord
         * @instance
         */
        OutputRecord.prototype.timestamp = null;

        /**
         * OutputRecord line.
         * @member {string} line
         * @memberof wandb_internal.OutputRecord
         * @instance
         */
        OutputRecord.prototype.line = "";

        /**
         * OutputRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.OutputRecord
         * @instance
         */
        OutputRecord.prototype._info = null;

        /**
         * Creates a new OutputRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.OutputRecord
         * @static
         * @param {wandb_internal.OutputRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.OutputRecord} OutputRecord instance
         * @type {{
         *   (properties: wandb_internal.OutputRecord.$Shape): wandb_internal.OutputRecord & wandb_internal.OutputRecord.$Shape;
         *   (properties?: wandb_internal.OutputRecord.$Properties): wandb_internal.OutputRecord;
         * }}
         */
        OutputRecord.create = function(properties) {
            return new OutputRecord(properties);
        };

        /**
         * Encodes the specified OutputRecord message. Does not implicitly {@link wandb_internal.OutputRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.OutputRecord
         * @static
         * @param {wandb_internal.OutputRecord.$Properties} message OutputRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OutputRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.output_type != null && $Object.hasOwnProperty.call(message, "output_type") && message.output_type !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.output_type);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp"))
                $root.google.protobuf.Timestamp.encode(message.timestamp, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.line != null && $Object.hasOwnProperty.call(message, "line") && message.line !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.line);
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an OutputRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.OutputRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.OutputRecord & wandb_internal.OutputRecord.$Shape} OutputRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OutputRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.OutputRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.output_type = value;
                        else
                            delete message.output_type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.timestamp = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.timestamp);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.line = value;
                        else
                            delete message.line;
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates an OutputRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.OutputRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.OutputRecord} OutputRecord
         */
        OutputRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.OutputRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.OutputRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.OutputRecord();
            if (object.output_type !== 0 && (typeof object.output_type !== "string" || $root.wandb_internal.OutputRecord.OutputType[object.output_type] !== 0))
                switch (object.output_type) {
                case "STDERR":
                case 0:
                    message.output_type = 0;
                    break;
                case "STDOUT":
                case 1:
                    message.output_type = 1;
                    break;
                default:
                    if (typeof object.output_type === "number" && (object.output_type | 0) === object.output_type)
                        message.output_type = object.output_type;
                }
            if (object.timestamp != null) {
                if (!$util.isObject(object.timestamp))
                    throw $TypeError(".wandb_internal.OutputRecord.timestamp: object expected");
                message.timestamp = $root.google.protobuf.Timestamp.fromObject(object.timestamp, _depth + 1);
            }
            if (object.line != null)
                if (typeof object.line !== "string" || object.line.length)
                    message.line = $String(object.line);
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.OutputRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from an OutputRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.OutputRecord
         * @static
         * @param {wandb_internal.OutputRecord} message OutputRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OutputRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.output_type = options.enums === $String ? "STDERR" : 0;
                object.timestamp = null;
                object.line = "";
                object._info = null;
            }
            if (message.output_type != null && $Object.hasOwnProperty.call(message, "output_type"))
                object.output_type = options.enums === $String ? $root.wandb_internal.OutputRecord.OutputType[message.output_type] === $undefined ? message.output_type : $root.wandb_internal.OutputRecord.OutputType[message.output_type] : message.output_type;
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp"))
                object.timestamp = $root.google.protobuf.Timestamp.toObject(message.timestamp, options, _depth + 1);
            if (message.line != null && $Object.hasOwnProperty.call(message, "line"))
                object.line = message.line;
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this OutputRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.OutputRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OutputRecord.prototype.toJSON = function() {
            return OutputRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OutputRecord
         * @function getTypeUrl
         * @memberof wandb_internal.OutputRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OutputRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.OutputRecord";
        };

        /**
         * OutputType enum.
         * @name wandb_internal.OutputRecord.OutputType
         * @enum {number}
         * @property {number} STDERR=0 STDERR value
         * @property {number} STDOUT=1 STDOUT value
         */
        OutputRecord.OutputType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STDERR"] = 0;
            values[valuesById[1] = "STDOUT"] = 1;
            return values;
        })();

        return OutputRecord;
    })();

    wandb_internal.OutputRawRecord = (function() {

        /**
         * Properties of an OutputRawRecord.
         * @typedef {Object} wandb_internal.OutputRawRecord.$Properties
         * @property {wandb_internal.OutputRawRecord.OutputType|null} [output_type] OutputRawRecord output_type
         * @property {google.protobuf.Timestamp.$Properties|null} [timestamp] OutputRawRecord timestamp
         * @property {string|null} [line] OutputRawRecord line
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] OutputRawRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OutputRawRecord.
         * @memberof wandb_internal
         * @interface IOutputRawRecord
         * @augments wandb_internal.OutputRawRecord.$Properties
         * @deprecated Use wandb_internal.OutputRawRecord.$Properties instead.
         */

        /**
         * Shape of an OutputRawRecord.
         * @typedef {wandb_internal.OutputRawRecord.$Properties} wandb_internal.OutputRawRecord.$Shape
         */

        /**
         * Constructs a new OutputRawRecord.
         * @memberof wandb_internal
         * @classdesc Represents an OutputRawRecord.
         * @constructor
         * @param {wandb_internal.OutputRawRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OutputRawRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OutputRawRecord output_type.
         * @member {wandb_internal.OutputRawRecord.OutputType} output_type
         * @memberof wandb_internal.OutputRawRecord
         * @instance
         */
        OutputRawRecord.prototype.output_type = 0;

        /**
         * OutputRawRecord timestamp.
         * @member {google.protobuf.Timestamp.$Properties|null|undefined} timestamp
         * @memberof wandb_internal.OutputRawRecord
         * @instance
         */
        OutputRawRecord.prototype.timestamp = null;

        /**
         * OutputRawRecord line.
         * @member {string} line
         * @memberof wandb_internal.OutputRawRecord
         * @instance
         */
        OutputRawRecord.prototype.line = "";

        /**
         * OutputRawRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.OutputRawRecord
         * @instance
         */
        OutputRawRecord.prototype._info = null;

        /**
         * Creates a new OutputRawRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.OutputRawRecord
         * @static
         * @param {wandb_internal.OutputRawRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.OutputRawRecord} OutputRawRecord instance
         * @type {{
         *   (properties: wandb_internal.OutputRawRecord.$Shape): wandb_internal.OutputRawRecord & wandb_internal.OutputRawRecord.$Shape;
         *   (properties?: wandb_internal.OutputRawRecord.$Properties): wandb_internal.OutputRawRecord;
         * }}
         */
        OutputRawRecord.create = function(properties) {
            return new OutputRawRecord(properties);
        };

        /**
         * Encodes the specified OutputRawRecord message. Does not implicitly {@link wandb_internal.OutputRawRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.OutputRawRecord
         * @static
         * @param {wandb_internal.OutputRawRecord.$Properties} message OutputRawRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OutputRawRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.output_type != null && $Object.hasOwnProperty.call(message, "output_type") && message.output_type !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.output_type);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp"))
                $root.google.protobuf.Timestamp.encode(message.timestamp, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.line != null && $Object.hasOwnProperty.call(message, "line") && message.line !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.line);
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an OutputRawRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.OutputRawRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.OutputRawRecord & wandb_internal.OutputRawRecord.$Shape} OutputRawRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OutputRawRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.OutputRawRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.output_type = value;
                        else
                            delete message.output_type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.timestamp = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.timestamp);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.line = value;
                        else
                            delete message.line;
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates an OutputRawRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.OutputRawRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.OutputRawRecord} OutputRawRecord
         */
        OutputRawRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.OutputRawRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.OutputRawRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.OutputRawRecord();
            if (object.output_type !== 0 && (typeof object.output_type !== "string" || $root.wandb_internal.OutputRawRecord.OutputType[object.output_type] !== 0))
                switch (object.output_type) {
                case "STDERR":
                case 0:
                    message.output_type = 0;
                    break;
                case "STDOUT":
                case 1:
                    message.output_type = 1;
                    break;
                default:
                    if (typeof object.output_type === "number" && (object.output_type | 0) === object.output_type)
                        message.output_type = object.output_type;
                }
            if (object.timestamp != null) {
                if (!$util.isObject(object.timestamp))
                    throw $TypeError(".wandb_internal.OutputRawRecord.timestamp: object expected");
                message.timestamp = $root.google.protobuf.Timestamp.fromObject(object.timestamp, _depth + 1);
            }
            if (object.line != null)
                if (typeof object.line !== "string" || object.line.length)
                    message.line = $String(object.line);
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.OutputRawRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from an OutputRawRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.OutputRawRecord
         * @static
         * @param {wandb_internal.OutputRawRecord} message OutputRawRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OutputRawRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.output_type = options.enums === $String ? "STDERR" : 0;
                object.timestamp = null;
                object.line = "";
                object._info = null;
            }
            if (message.output_type != null && $Object.hasOwnProperty.call(message, "output_type"))
                object.output_type = options.enums === $String ? $root.wandb_internal.OutputRawRecord.OutputType[message.output_type] === $undefined ? message.output_type : $root.wandb_internal.OutputRawRecord.OutputType[message.output_type] : message.output_type;
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp"))
                object.timestamp = $root.google.protobuf.Timestamp.toObject(message.timestamp, options, _depth + 1);
            if (message.line != null && $Object.hasOwnProperty.call(message, "line"))
                object.line = message.line;
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this OutputRawRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.OutputRawRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OutputRawRecord.prototype.toJSON = function() {
            return OutputRawRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OutputRawRecord
         * @function getTypeUrl
         * @memberof wandb_internal.OutputRawRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OutputRawRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.OutputRawRecord";
        };

        /**
         * OutputType enum.
         * @name wandb_internal.OutputRawRecord.OutputType
         * @enum {number}
         * @property {number} STDERR=0 STDERR value
         * @property {number} STDOUT=1 STDOUT value
         */
        OutputRawRecord.OutputType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STDERR"] = 0;
            values[valuesById[1] = "STDOUT"] = 1;
            return values;
        })();

        return OutputRawRecord;
    })();

    wandb_internal.FilesRecord = (function() {

        /**
         * Properties of a FilesRecord.
         * @typedef {Object} wandb_internal.FilesRecord.$Properties
         * @property {Array.<wandb_internal.FilesItem.$Properties>|null} [files] FilesRecord files
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] FilesRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FilesRecord.
         * @memberof wandb_internal
         * @interface IFilesRecord
         * @augments wandb_internal.FilesRecord.$Properties
         * @deprecated Use wandb_internal.FilesRecord.$Properties instead.
         */

        /**
         * Shape of a FilesRecord.
         * @typedef {wandb_internal.FilesRecord.$Properties} wandb_internal.FilesRecord.$Shape
         */

        /**
         * Constructs a new FilesRecord.
         * @memberof wandb_internal
         * @classdesc Represents a FilesRecord.
         * @constructor
         * @param {wandb_internal.FilesRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FilesRecord = function (properties) {
            this.files = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FilesRecord files.
         * @member {Array.<wandb_internal.FilesItem.$Properties>} files
         * @memberof wandb_internal.FilesRecord
         * @instance
         */
        FilesRecord.prototype.files = $util.emptyArray;

        /**
         * FilesRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.FilesRecord
         * @instance
         */
        FilesRecord.prototype._info = null;

        /**
         * Creates a new FilesRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.FilesRecord
         * @static
         * @param {wandb_internal.FilesRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.FilesRecord} FilesRecord instance
         * @type {{
         *   (properties: wandb_internal.FilesRecord.$Shape): wandb_internal.FilesRecord & wandb_internal.FilesRecord.$Shape;
         *   (properties?: wandb_internal.FilesRecord.$Properties): wandb_internal.FilesRecord;
         * }}
         */
        FilesRecord.create = function(properties) {
            return new FilesRecord(properties);
        };

        /**
         * Encodes the specified FilesRecord message. Does not implicitly {@link wandb_internal.FilesRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.FilesRecord
         * @static
         * @param {wandb_internal.FilesRecord.$Properties} message FilesRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FilesRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.files != null && message.files.length)
                for (let i = 0; i < message.files.length; ++i)
                    $root.wandb_internal.FilesItem.encode(message.files[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FilesRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.FilesRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.FilesRecord & wandb_internal.FilesRecord.$Shape} FilesRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FilesRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.FilesRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.files && message.files.length))
                            message.files = [];
                        message.files.push($root.wandb_internal.FilesItem.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a FilesRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.FilesRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.FilesRecord} FilesRecord
         */
        FilesRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.FilesRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.FilesRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.FilesRecord();
            if (object.files) {
                if (!$Array.isArray(object.files))
                    throw $TypeError(".wandb_internal.FilesRecord.files: array expected");
                message.files = $Array(object.files.length);
                for (let i = 0; i < object.files.length; ++i) {
                    if (!$util.isObject(object.files[i]))
                        throw $TypeError(".wandb_internal.FilesRecord.files: object expected");
                    message.files[i] = $root.wandb_internal.FilesItem.fromObject(object.files[i], _depth + 1);
                }
            }
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.FilesRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a FilesRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.FilesRecord
         * @static
         * @param {wandb_internal.FilesRecord} message FilesRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FilesRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.files = [];
            if (options.defaults)
                object._info = null;
            if (message.files && message.files.length) {
                object.files = $Array(message.files.length);
                for (let j = 0; j < message.files.length; ++j)
                    object.files[j] = $root.wandb_internal.FilesItem.toObject(message.files[j], options, _depth + 1);
            }
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this FilesRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.FilesRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FilesRecord.prototype.toJSON = function() {
            return FilesRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for FilesRecord
         * @function getTypeUrl
         * @memberof wandb_internal.FilesRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FilesRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.FilesRecord";
        };

        return FilesRecord;
    })();

    wandb_internal.FilesItem = (function() {

        /**
         * Properties of a FilesItem.
         * @typedef {Object} wandb_internal.FilesItem.$Properties
         * @property {string|null} [path] FilesItem path
         * @property {wandb_internal.FilesItem.PolicyType|null} [policy] FilesItem policy
         * @property {string|null} [external_path] FilesItem external_path
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FilesItem.
         * @memberof wandb_internal
         * @interface IFilesItem
         * @augments wandb_internal.FilesItem.$Properties
         * @deprecated Use wandb_internal.FilesItem.$Properties instead.
         */

        /**
         * Shape of a FilesItem.
         * @typedef {wandb_internal.FilesItem.$Properties} wandb_internal.FilesItem.$Shape
         */

        /**
         * Constructs a new FilesItem.
         * @memberof wandb_internal
         * @classdesc Represents a FilesItem.
         * @constructor
         * @param {wandb_internal.FilesItem.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FilesItem = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FilesItem path.
         * @member {string} path
         * @memberof wandb_internal.FilesItem
         * @instance
         */
        FilesItem.prototype.path = "";

        /**
         * FilesItem policy.
         * @member {wandb_internal.FilesItem.PolicyType} policy
         * @memberof wandb_internal.FilesItem
         * @instance
         */
        FilesItem.prototype.policy = 0;

        /**
         * FilesItem external_path.
         * @member {string} external_path
         * @memberof wandb_internal.FilesItem
         * @instance
         */
        FilesItem.prototype.external_path = "";

        /**
         * Creates a new FilesItem instance using the specified properties.
         * @function create
         * @memberof wandb_internal.FilesItem
         * @static
         * @param {wandb_internal.FilesItem.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.FilesItem} FilesItem instance
         * @type {{
         *   (properties: wandb_internal.FilesItem.$Shape): wandb_internal.FilesItem & wandb_internal.FilesItem.$Shape;
         *   (properties?: wandb_internal.FilesItem.$Properties): wandb_internal.FilesItem;
         * }}
         */
        FilesItem.create = function(properties) {
            return new FilesItem(properties);
        };

        /**
         * Encodes the specified FilesItem message. Does not implicitly {@link wandb_internal.FilesItem.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.FilesItem
         * @static
         * @param {wandb_internal.FilesItem.$Properties} message FilesItem message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FilesItem.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.policy != null && $Object.hasOwnProperty.call(message, "policy") && message.policy !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.policy);
            if (message.external_path != null && $Object.hasOwnProperty.call(message, "external_path") && message.external_path !== "")
                writer.uint32(/* id 16, wireType 2 =*/130).string(message.external_path);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FilesItem message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.FilesItem
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.FilesItem & wandb_internal.FilesItem.$Shape} FilesItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FilesItem.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.FilesItem();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.policy = value;
                        else
                            delete message.policy;
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.external_path = value;
                        else
                            delete message.external_path;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a FilesItem message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.FilesItem
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.FilesItem} FilesItem
         */
        FilesItem.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.FilesItem)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.FilesItem: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.FilesItem();
            if (object.path != null)
                if (typeof object.path !== "string" || object.path.length)
                    message.path = $String(object.path);
            if (object.policy !== 0 && (typeof object.policy !== "string" || $root.wandb_internal.FilesItem.PolicyType[object.policy] !== 0))
                switch (object.policy) {
                case "NOW":
                case 0:
                    message.policy = 0;
                    break;
                case "END":
                case 1:
                    message.policy = 1;
                    break;
                case "LIVE":
                case 2:
                    message.policy = 2;
                    break;
                default:
                    if (typeof object.policy === "number" && (object.policy | 0) === object.policy)
                        message.policy = object.policy;
                }
            if (object.external_path != null)
                if (typeof object.external_path !== "string" || object.external_path.length)
                    message.external_path = $String(object.external_path);
            return message;
        };

        /**
         * Creates a plain object from a FilesItem message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.FilesItem
         * @static
         * @param {wandb_internal.FilesItem} message FilesItem
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FilesItem.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.path = "";
                object.policy = options.enums === $String ? "NOW" : 0;
                object.external_path = "";
            }
            if (message.path != null && $Object.hasOwnProperty.call(message, "path"))
                object.path = message.path;
            if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                object.policy = options.enums === $String ? $root.wandb_internal.FilesItem.PolicyType[message.policy] === $undefined ? message.policy : $root.wandb_internal.FilesItem.PolicyType[message.policy] : message.policy;
            if (message.external_path != null && $Object.hasOwnProperty.call(message, "external_path"))
                object.external_path = message.external_path;
            return object;
        };

        /**
         * Converts this FilesItem to JSON.
         * @function toJSON
         * @memberof wandb_internal.FilesItem
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FilesItem.prototype.toJSON = function() {
            return FilesItem.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for FilesItem
         * @function getTypeUrl
         * @memberof wandb_internal.FilesItem
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FilesItem.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.FilesItem";
        };

        /**
         * PolicyType enum.
         * @name wandb_internal.FilesItem.PolicyType
         * @enum {number}
         * @property {number} NOW=0 NOW value
         * @property {number} END=1 END value
         * @property {number} LIVE=2 LIVE value
         */
        FilesItem.PolicyType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NOW"] = 0;
            values[valuesById[1] = "END"] = 1;
            values[valuesById[2] = "LIVE"] = 2;
            return values;
        })();

        return FilesItem;
    })();

    wandb_internal.RunExitRecord = (function() {

        /**
         * Properties of a RunExitRecord.
         * @typedef {Object} wandb_internal.RunExitRecord.$Properties
         * @property {number|null} [exit_code] RunExitRecord exit_code
         * @property {number|null} [runtime] RunExitRecord runtime
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] RunExitRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RunExitRecord.
         * @memberof wandb_internal
         * @interface IRunExitRecord
         * @augments wandb_internal.RunExitRecord.$Properties
         * @deprecated Use wandb_internal.RunExitRecord.$Properties instead.
         */

        /**
         * Shape of a RunExitRecord.
         * @typedef {wandb_internal.RunExitRecord.$Properties} wandb_internal.RunExitRecord.$Shape
         */

        /**
         * Constructs a new RunExitRecord.
         * @memberof wandb_internal
         * @classdesc Represents a RunExitRecord.
         * @constructor
         * @param {wandb_internal.RunExitRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RunExitRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RunExitRecord exit_code.
         * @member {number} exit_code
         * @memberof wandb_internal.RunExitRecord
         * @instance
         */
        RunExitRecord.prototype.exit_code = 0;

        /**
         * RunExitRecord runtime.
         * @member {number} runtime
         * @memberof wandb_internal.RunExitRecord
         * @instance
         */
        RunExitRecord.prototype.runtime = 0;

        /**
         * RunExitRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.RunExitRecord
         * @instance
         */
        RunExitRecord.prototype._info = null;

        /**
         * Creates a new RunExitRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.RunExitRecord
         * @static
         * @param {wandb_internal.RunExitRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.RunExitRecord} RunExitRecord instance
         * @type {{
         *   (properties: wandb_internal.RunExitRecord.$Shape): wandb_internal.RunExitRecord & wandb_internal.RunExitRecord.$Shape;
         *   (properties?: wandb_internal.RunExitRecord.$Properties): wandb_internal.RunExitRecord;
         * }}
         */
        RunExitRecord.create = function(properties) {
            return new RunExitRecord(properties);
        };

        /**
         * Encodes the specified RunExitRecord message. Does not implicitly {@link wandb_internal.RunExitRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.RunExitRecord
         * @static
         * @param {wandb_internal.RunExitRecord.$Properties} message RunExitRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RunExitRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.exit_code != null && $Object.hasOwnProperty.call(message, "exit_code") && message.exit_code !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.exit_code);
            if (message.runtime != null && $Object.hasOwnProperty.call(message, "runtime") && message.runtime !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.runtime);
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RunExitRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.RunExitRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.RunExitRecord & wandb_internal.RunExitRecord.$Shape} RunExitRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RunExitRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.RunExitRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.exit_code = value;
                        else
                            delete message.exit_code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.runtime = value;
                        else
                            delete message.runtime;
                        continue;
                    }
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a RunExitRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.RunExitRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.RunExitRecord} RunExitRecord
         */
        RunExitRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.RunExitRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.RunExitRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.RunExitRecord();
            if (object.exit_code != null)
                if ($Number(object.exit_code) !== 0)
                    message.exit_code = object.exit_code | 0;
            if (object.runtime != null)
                if ($Number(object.runtime) !== 0)
                    message.runtime = object.runtime | 0;
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.RunExitRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a RunExitRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.RunExitRecord
         * @static
         * @param {wandb_internal.RunExitRecord} message RunExitRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        RunExitRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.exit_code = 0;
                object.runtime = 0;
                object._info = null;
            }
            if (message.exit_code != null && $Object.hasOwnProperty.call(message, "exit_code"))
                object.exit_code = message.exit_code;
            if (message.runtime != null && $Object.hasOwnProperty.call(message, "runtime"))
                object.runtime = message.runtime;
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this RunExitRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.RunExitRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        RunExitRecord.prototype.toJSON = function() {
            return RunExitRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for RunExitRecord
         * @function getTypeUrl
         * @memberof wandb_internal.RunExitRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RunExitRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.RunExitRecord";
        };

        return RunExitRecord;
    })();

    wandb_internal.RunPreemptingRecord = (function() {

        /**
         * Properties of a RunPreemptingRecord.
         * @typedef {Object} wandb_internal.RunPreemptingRecord.$Properties
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] RunPreemptingRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RunPreemptingRecord.
         * @memberof wandb_internal
         * @interface IRunPreemptingRecord
         * @augments wandb_internal.RunPreemptingRecord.$Properties
         * @deprecated Use wandb_internal.RunPreemptingRecord.$Properties instead.
         */

        /**
         * Shape of a RunPreemptingRecord.
         * @typedef {wandb_internal.RunPreemptingRecord.$Properties} wandb_internal.RunPreemptingRecord.$Shape
         */

        /**
         * Constructs a new RunPreemptingRecord.
         * @memberof wandb_internal
         * @classdesc Represents a RunPreemptingRecord.
         * @constructor
         * @param {wandb_internal.RunPreemptingRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RunPreemptingRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RunPreemptingRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.RunPreemptingRecord
         * @instance
         */
        RunPreemptingRecord.prototype._info = null;

        /**
         * Creates a new RunPreemptingRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.RunPreemptingRecord
         * @static
         * @param {wandb_internal.RunPreemptingRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.RunPreemptingRecord} RunPreemptingRecord instance
         * @type {{
         *   (properties: wandb_internal.RunPreemptingRecord.$Shape): wandb_internal.RunPreemptingRecord & wandb_internal.RunPreemptingRecord.$Shape;
         *   (properties?: wandb_internal.RunPreemptingRecord.$Properties): wandb_internal.RunPreemptingRecord;
         * }}
         */
        RunPreemptingRecord.create = function(properties) {
            return new RunPreemptingRecord(properties);
        };

        /**
         * Encodes the specified RunPreemptingRecord message. Does not implicitly {@link wandb_internal.RunPreemptingRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.RunPreemptingRecord
         * @static
         * @param {wandb_internal.RunPreemptingRecord.$Properties} message RunPreemptingRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RunPreemptingRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RunPreemptingRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.RunPreemptingRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.RunPreemptingRecord & wandb_internal.RunPreemptingRecord.$Shape} RunPreemptingRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RunPreemptingRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.RunPreemptingRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a RunPreemptingRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.RunPreemptingRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.RunPreemptingRecord} RunPreemptingRecord
         */
        RunPreemptingRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.RunPreemptingRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.RunPreemptingRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.RunPreemptingRecord();
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.RunPreemptingRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a RunPreemptingRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.RunPreemptingRecord
         * @static
         * @param {wandb_internal.RunPreemptingRecord} message RunPreemptingRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        RunPreemptingRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object._info = null;
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this RunPreemptingRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.RunPreemptingRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        RunPreemptingRecord.prototype.toJSON = function() {
            return RunPreemptingRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for RunPreemptingRecord
         * @function getTypeUrl
         * @memberof wandb_internal.RunPreemptingRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RunPreemptingRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.RunPreemptingRecord";
        };

        return RunPreemptingRecord;
    })();

    wandb_internal.FinalRecord = (function() {

        /**
         * Properties of a FinalRecord.
         * @typedef {Object} wandb_internal.FinalRecord.$Properties
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] FinalRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FinalRecord.
         * @memberof wandb_internal
         * @interface IFinalRecord
         * @augments wandb_internal.FinalRecord.$Properties
         * @deprecated Use wandb_internal.FinalRecord.$Properties instead.
         */

        /**
         * Shape of a FinalRecord.
         * @typedef {wandb_internal.FinalRecord.$Properties} wandb_internal.FinalRecord.$Shape
         */

        /**
         * Constructs a new FinalRecord.
         * @memberof wandb_internal
         * @classdesc Represents a FinalRecord.
         * @constructor
         * @param {wandb_internal.FinalRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FinalRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FinalRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.FinalRecord
         * @instance
         */
        FinalRecord.prototype._info = null;

        /**
         * Creates a new FinalRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.FinalRecord
         * @static
         * @param {wandb_internal.FinalRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.FinalRecord} FinalRecord instance
         * @type {{
         *   (properties: wandb_internal.FinalRecord.$Shape): wandb_internal.FinalRecord & wandb_internal.FinalRecord.$Shape;
         *   (properties?: wandb_internal.FinalRecord.$Properties): wandb_internal.FinalRecord;
         * }}
         */
        FinalRecord.create = function(properties) {
            return new FinalRecord(properties);
        };

        /**
         * Encodes the specified FinalRecord message. Does not implicitly {@link wandb_internal.FinalRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.FinalRecord
         * @static
         * @param {wandb_internal.FinalRecord.$Properties} message FinalRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FinalRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FinalRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.FinalRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.FinalRecord & wandb_internal.FinalRecord.$Shape} FinalRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FinalRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.FinalRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a FinalRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.FinalRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.FinalRecord} FinalRecord
         */
        FinalRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.FinalRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.FinalRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.FinalRecord();
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.FinalRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a FinalRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.FinalRecord
         * @static
         * @param {wandb_internal.FinalRecord} message FinalRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FinalRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object._info = null;
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this FinalRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.FinalRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FinalRecord.prototype.toJSON = function() {
            return FinalRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for FinalRecord
         * @function getTypeUrl
         * @memberof wandb_internal.FinalRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FinalRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.FinalRecord";
        };

        return FinalRecord;
    })();

    wandb_internal.HeaderRecord = (function() {

        /**
         * Properties of a HeaderRecord.
         * @typedef {Object} wandb_internal.HeaderRecord.$Properties
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] HeaderRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HeaderRecord.
         * @memberof wandb_internal
         * @interface IHeaderRecord
         * @augments wandb_internal.HeaderRecord.$Properties
         * @deprecated Use wandb_internal.HeaderRecord.$Properties instead.
         */

        /**
         * Shape of a HeaderRecord.
         * @typedef {wandb_internal.HeaderRecord.$Properties} wandb_internal.HeaderRecord.$Shape
         */

        /**
         * Constructs a new HeaderRecord.
         * @memberof wandb_internal
         * @classdesc Represents a HeaderRecord.
         * @constructor
         * @param {wandb_internal.HeaderRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HeaderRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HeaderRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.HeaderRecord
         * @instance
         */
        HeaderRecord.prototype._info = null;

        /**
         * Creates a new HeaderRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.HeaderRecord
         * @static
         * @param {wandb_internal.HeaderRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.HeaderRecord} HeaderRecord instance
         * @type {{
         *   (properties: wandb_internal.HeaderRecord.$Shape): wandb_internal.HeaderRecord & wandb_internal.HeaderRecord.$Shape;
         *   (properties?: wandb_internal.HeaderRecord.$Properties): wandb_internal.HeaderRecord;
         * }}
         */
        HeaderRecord.create = function(properties) {
            return new HeaderRecord(properties);
        };

        /**
         * Encodes the specified HeaderRecord message. Does not implicitly {@link wandb_internal.HeaderRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.HeaderRecord
         * @static
         * @param {wandb_internal.HeaderRecord.$Properties} message HeaderRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HeaderRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HeaderRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.HeaderRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.HeaderRecord & wandb_internal.HeaderRecord.$Shape} HeaderRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HeaderRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.HeaderRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a HeaderRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.HeaderRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.HeaderRecord} HeaderRecord
         */
        HeaderRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.HeaderRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.HeaderRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.HeaderRecord();
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.HeaderRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a HeaderRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.HeaderRecord
         * @static
         * @param {wandb_internal.HeaderRecord} message HeaderRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        HeaderRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object._info = null;
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this HeaderRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.HeaderRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        HeaderRecord.prototype.toJSON = function() {
            return HeaderRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for HeaderRecord
         * @function getTypeUrl
         * @memberof wandb_internal.HeaderRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HeaderRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.HeaderRecord";
        };

        return HeaderRecord;
    })();

    wandb_internal.FooterRecord = (function() {

        /**
         * Properties of a FooterRecord.
         * @typedef {Object} wandb_internal.FooterRecord.$Properties
         * @property {wandb_internal._RecordInfo.$Properties|null} [_info] FooterRecord _info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FooterRecord.
         * @memberof wandb_internal
         * @interface IFooterRecord
         * @augments wandb_internal.FooterRecord.$Properties
         * @deprecated Use wandb_internal.FooterRecord.$Properties instead.
         */

        /**
         * Shape of a FooterRecord.
         * @typedef {wandb_internal.FooterRecord.$Properties} wandb_internal.FooterRecord.$Shape
         */

        /**
         * Constructs a new FooterRecord.
         * @memberof wandb_internal
         * @classdesc Represents a FooterRecord.
         * @constructor
         * @param {wandb_internal.FooterRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FooterRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FooterRecord _info.
         * @member {wandb_internal._RecordInfo.$Properties|null|undefined} _info
         * @memberof wandb_internal.FooterRecord
         * @instance
         */
        FooterRecord.prototype._info = null;

        /**
         * Creates a new FooterRecord instance using the specified properties.
         * @function create
         * @memberof wandb_internal.FooterRecord
         * @static
         * @param {wandb_internal.FooterRecord.$Properties=} [properties] Properties to set
         * @returns {wandb_internal.FooterRecord} FooterRecord instance
         * @type {{
         *   (properties: wandb_internal.FooterRecord.$Shape): wandb_internal.FooterRecord & wandb_internal.FooterRecord.$Shape;
         *   (properties?: wandb_internal.FooterRecord.$Properties): wandb_internal.FooterRecord;
         * }}
         */
        FooterRecord.create = function(properties) {
            return new FooterRecord(properties);
        };

        /**
         * Encodes the specified FooterRecord message. Does not implicitly {@link wandb_internal.FooterRecord.verify|verify} messages.
         * @function encode
         * @memberof wandb_internal.FooterRecord
         * @static
         * @param {wandb_internal.FooterRecord.$Properties} message FooterRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FooterRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                $root.wandb_internal._RecordInfo.encode(message._info, writer.uint32(/* id 200, wireType 2 =*/1602).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FooterRecord message from the specified reader or buffer.
         * @function decode
         * @memberof wandb_internal.FooterRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {wandb_internal.FooterRecord & wandb_internal.FooterRecord.$Shape} FooterRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FooterRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.wandb_internal.FooterRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 200: {
                        if (wireType !== 2)
                            break;
                        message._info = $root.wandb_internal._RecordInfo.decode(reader, reader.size(), $undefined, _depth + 1, message._info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a FooterRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof wandb_internal.FooterRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {wandb_internal.FooterRecord} FooterRecord
         */
        FooterRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.wandb_internal.FooterRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".wandb_internal.FooterRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.wandb_internal.FooterRecord();
            if (object._info != null) {
                if (!$util.isObject(object._info))
                    throw $TypeError(".wandb_internal.FooterRecord._info: object expected");
                message._info = $root.wandb_internal._RecordInfo.fromObject(object._info, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a FooterRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof wandb_internal.FooterRecord
         * @static
         * @param {wandb_internal.FooterRecord} message FooterRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FooterRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object._info = null;
            if (message._info != null && $Object.hasOwnProperty.call(message, "_info"))
                object._info = $root.wandb_internal._RecordInfo.toObject(message._info, options, _depth + 1);
            return object;
        };

        /**
         * Converts this FooterRecord to JSON.
         * @function toJSON
         * @memberof wandb_internal.FooterRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FooterRecord.prototype.toJSON = function() {
            return FooterRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for FooterRecord
         * @function getTypeUrl
         * @memberof wandb_internal.FooterRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FooterRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/wandb_internal.FooterRecord";
        };

        return FooterRecord;
    })();

    return wandb_internal;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.Timestamp = (function() {

            /**
             * Properties of a Timestamp.
             * @typedef {Object} google.protobuf.Timestamp.$Properties
             * @property {number|Long|null} [seconds] Timestamp seconds
             * @property {number|null} [nanos] Timestamp nanos
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Timestamp.
             * @memberof google.protobuf
             * @interface ITimestamp
             * @augments google.protobuf.Timestamp.$Properties
             * @deprecated Use google.protobuf.Timestamp.$Properties instead.
             */

            /**
             * Shape of a Timestamp.
             * @typedef {google.protobuf.Timestamp.$Properties} google.protobuf.Timestamp.$Shape
             */

            /**
             * Constructs a new Timestamp.
             * @memberof google.protobuf
             * @classdesc Represents a Timestamp.
             * @constructor
             * @param {google.protobuf.Timestamp.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Timestamp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Timestamp seconds.
             * @member {number|Long} seconds
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.seconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Timestamp nanos.
             * @member {number} nanos
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.nanos = 0;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.Timestamp} Timestamp instance
             * @type {{
             *   (properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
             *   (properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;
             * }}
             */
            Timestamp.create = function(properties) {
                return new Timestamp(properties);
            };

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties} message Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds") && (typeof message.seconds === "object" ? message.seconds.low || message.seconds.high : message.seconds !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.seconds);
                if (message.nanos != null && $Object.hasOwnProperty.call(message, "nanos") && message.nanos !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.nanos);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Timestamp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.seconds = value;
                            else
                                delete message.seconds;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.nanos = value;
                            else
                                delete message.nanos;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {google.protobuf.Timestamp} Timestamp
             */
            Timestamp.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.Timestamp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.Timestamp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.google.protobuf.Timestamp();
                if (object.seconds != null)
                    if (typeof object.seconds === "object" ? object.seconds.low || object.seconds.high : $Number(object.seconds) !== 0)
                        if ($util.Long)
                            message.seconds = $util.Long.fromValue(object.seconds, false);
                        else if (typeof object.seconds === "string")
                            message.seconds = $parseInt(object.seconds, 10);
                        else if (typeof object.seconds === "number")
                            message.seconds = object.seconds;
                        else if (typeof object.seconds === "object")
                            message.seconds = new $util.LongBits(object.seconds.low >>> 0, object.seconds.high >>> 0).toNumber();
                if (object.nanos != null)
                    if ($Number(object.nanos) !== 0)
                        message.nanos = object.nanos | 0;
                return message;
            };

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp} message Timestamp
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Timestamp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.seconds = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seconds = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.nanos = 0;
                }
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seconds = typeof message.seconds === "number" ? $BigInt(message.seconds) : $util.Long.fromBits(message.seconds.low >>> 0, message.seconds.high >>> 0, false).toBigInt();
                    else if (typeof message.seconds === "number")
                        object.seconds = options.longs === $String ? $String(message.seconds) : message.seconds;
                    else
                        object.seconds = options.longs === $String ? $util.Long.prototype.toString.call(message.seconds) : options.longs === $Number ? new $util.LongBits(message.seconds.low >>> 0, message.seconds.high >>> 0).toNumber() : message.seconds;
                if (message.nanos != null && $Object.hasOwnProperty.call(message, "nanos"))
                    object.nanos = message.nanos;
                return object;
            };

            /**
             * Converts this Timestamp to JSON.
             * @function toJSON
             * @memberof google.protobuf.Timestamp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Timestamp.prototype.toJSON = function() {
                return Timestamp.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Timestamp
             * @function getTypeUrl
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Timestamp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/google.protobuf.Timestamp";
            };

            return Timestamp;
        })();

        return protobuf;
    })();

    return google;
})();

export {
  $root as default
};
