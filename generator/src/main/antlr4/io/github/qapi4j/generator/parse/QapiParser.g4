/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * QAPI's value grammar. SchemaParser calls topLevelValue() once per top-level expression and
 * handles documentation blocks and directives between them, so that errors surface in the same
 * order as in QEMU's front end. Values are built directly as syntax records (no parse tree).
 */
parser grammar QapiParser;

options { tokenVocab = QapiLexer; }

@header {
import io.github.qapi4j.generator.parse.Value;
import io.github.qapi4j.generator.parse.ObjectValue;
import io.github.qapi4j.generator.parse.ArrayValue;
import io.github.qapi4j.generator.parse.StringValue;
import io.github.qapi4j.generator.parse.BoolValue;
}

@members {
    /** Called after "KEY :" has been read: QEMU rejects a duplicate key at the value's token. */
    protected void checkDuplicateKey(java.util.Map<String, Value> members, String key) {
    }

    /** The text of a STRING token without quotes, escapes resolved (worked out when it was lexed). */
    protected String stringValue(Token token) {
        return token instanceof StringToken s ? s.value : StringToken.unescape(token.getText());
    }
}

topLevelValue returns [Value v]
    : value { $v = $value.v; }
    ;

value returns [Value v]
    : object { $v = $object.v; }
    | array { $v = $array.v; }
    | s=STRING { $v = new StringValue(stringValue($s), $s.line); }
    | t=TRUE { $v = new BoolValue(true, $t.line); }
    | f=FALSE { $v = new BoolValue(false, $f.line); }
    ;

object returns [ObjectValue v]
    locals [ParsedMembers members = new ParsedMembers()]
    : open=LBRACE ( pair[$members] ( COMMA pair[$members] )* )? RBRACE
      { $v = new ObjectValue($members, $open.line); }
    ;

pair [java.util.Map<String, Value> members]
    : key=STRING COLON { checkDuplicateKey($members, stringValue($key)); } value
      { $members.put(stringValue($key), $value.v); }
    ;

array returns [ArrayValue v]
    locals [java.util.ArrayList<Value> elements = new java.util.ArrayList<>()]
    : open=LBRACK ( first=value { $elements.add($first.v); } ( COMMA next=value { $elements.add($next.v); } )* )? RBRACK
      { $v = new ArrayValue($elements, $open.line); }
    ;
